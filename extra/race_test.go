//go:build race

package extra

// raceEnabled is true when the race detector is on: the corpus runs take
// a sample then (they run whole without it).
const raceEnabled = true
