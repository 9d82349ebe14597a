//go:build !race

package re2syntax

// raceEnabled is true when the race detector is on.
const raceEnabled = false
