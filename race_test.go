//go:build race

package regexp

// raceEnabled is true when the race detector is on: the long corpus runs
// take a sample then (and run whole without it; see the Makefile).
const raceEnabled = true
