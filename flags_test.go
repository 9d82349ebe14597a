package regexp

import "flag"

// The test flags. By default `go test` runs every test at a size that
// gives an answer in minutes; `make test` adds -full, `make soak` -soak,
// `make fuzz` -gen.n and -gen.seed.
var (
	full     = flag.Bool("full", false, "run the exhaustive corpus whole and the generator at its full budget")
	soak     = flag.Bool("soak", false, "run the soak tests at full length")
	genCount = flag.Int("gen.n", 0, "TestGenerated: how many seeds to run (0: the default budget)")
	genSeed  = flag.Uint64("gen.seed", 1, "TestGenerated: the first seed")
)
