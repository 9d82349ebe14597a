//go:build !race

package re2wasm

// raceEnabled is true when the race detector is on.
const raceEnabled = false
