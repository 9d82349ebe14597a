//go:build !race

package extra

// raceEnabled is true when the race detector is on.
const raceEnabled = false
