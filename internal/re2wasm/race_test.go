//go:build race

package re2wasm

// raceEnabled is true when the race detector is on: the random
// differential tests then run a tenth of their patterns.
const raceEnabled = true
