//go:build !race

package regexp

// raceEnabled is true when the race detector is on.
const raceEnabled = false
