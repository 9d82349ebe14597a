package harness

import (
	"fmt"
	"os"
	"strings"
)

// Preset sets the input sizes of the suites. The benchmark binaries read it
// from the environment variable BENCH_PRESET (quick, the default, or full);
// Smoke always uses Tiny.
type Preset struct {
	Name string
	// MatchSizes are the sizes of random text for the Match family.
	MatchSizes []int
	// OpSizes are the sizes of text for Find, FindAll, Submatch, ReplaceAll.
	OpSizes []int
	// CRSSizes are the sizes of request bodies for the CRS family.
	CRSSizes []int
	// ReduxN is the fasta parameter of the regex-redux input (the Benchmarks
	// Game uses 5,000,000, about 50 MB).
	ReduxN int
	// MemPatterns is the number of distinct patterns of the Memory family.
	MemPatterns int
	// LogSizes are the sizes of log text for the Logs family's FindAllIndex
	// cases, LogLineSizes for its MatchString on every line, LogMatchSizes
	// for its Match over the whole text.
	LogSizes, LogLineSizes, LogMatchSizes []int
	// DictSizes are the sizes of prose for the Dictionary family.
	DictSizes []int
	// UnicodeSizes are the sizes of multilingual text for the Unicode family.
	UnicodeSizes []int
	// CuratedSize is the size of the texts of the Curated family that stand
	// in for rebar's larger haystacks.
	CuratedSize int
	// CompileAlt is the number of words in the large alternation compiled
	// by the Compile family.
	CompileAlt int
}

const (
	kiB = 1 << 10
	miB = 1 << 20
)

var (
	// Quick is the default preset: every case, no 32 MiB input.
	Quick = Preset{
		Name:          "quick",
		MatchSizes:    []int{16, 32, 1 * kiB, 32 * kiB, 1 * miB},
		OpSizes:       []int{1 * kiB, 32 * kiB},
		CRSSizes:      []int{16, 1000, 10_000, 100_000},
		ReduxN:        10_000,
		MemPatterns:   10_000,
		CompileAlt:    200,
		LogSizes:      []int{64 * kiB, 1 * miB, 4 * miB},
		LogLineSizes:  []int{1 * miB},
		LogMatchSizes: []int{1 * miB, 4 * miB},
		DictSizes:     []int{128 * kiB},
		UnicodeSizes:  []int{64 * kiB, 1 * miB},
		CuratedSize:   256 * kiB,
	}
	// Full adds the 32 MiB Match inputs, 1 MiB operation inputs and a
	// larger regex-redux input.
	Full = Preset{
		Name:          "full",
		MatchSizes:    []int{16, 32, 1 * kiB, 32 * kiB, 1 * miB, 32 * miB},
		OpSizes:       []int{1 * kiB, 32 * kiB, 1 * miB},
		CRSSizes:      []int{16, 1000, 10_000, 100_000},
		ReduxN:        100_000,
		MemPatterns:   10_000,
		CompileAlt:    200,
		LogSizes:      []int{64 * kiB, 1 * miB, 4 * miB, 32 * miB},
		LogLineSizes:  []int{1 * miB, 4 * miB},
		LogMatchSizes: []int{1 * miB, 4 * miB, 32 * miB},
		DictSizes:     []int{256 * kiB, 1 * miB},
		UnicodeSizes:  []int{64 * kiB, 1 * miB, 4 * miB},
		CuratedSize:   1 * miB,
	}
	// Tiny runs each case once on small inputs, for tests.
	Tiny = Preset{
		Name:          "tiny",
		MatchSizes:    []int{16, 1 * kiB},
		OpSizes:       []int{1 * kiB},
		CRSSizes:      []int{16, 1000},
		ReduxN:        1_000,
		MemPatterns:   200,
		CompileAlt:    20,
		LogSizes:      []int{4 * kiB, 1 * miB},
		LogLineSizes:  []int{4 * kiB},
		LogMatchSizes: []int{1 * miB},
		DictSizes:     []int{4 * kiB},
		UnicodeSizes:  []int{16 * kiB},
		CuratedSize:   64 * kiB,
	}
)

// Presets lists the presets by name.
var Presets = map[string]Preset{"quick": Quick, "full": Full, "tiny": Tiny}

// Current returns the preset named by BENCH_PRESET (quick when unset).
func Current() Preset {
	name := strings.TrimSpace(os.Getenv("BENCH_PRESET"))
	if name == "" {
		return Quick
	}
	p, ok := Presets[name]
	if !ok {
		panic(fmt.Sprintf("harness: unknown BENCH_PRESET %q (quick, full or tiny)", name))
	}
	return p
}

// sizeName writes a size the way the standard library's benchmarks do:
// 16, 32, 1K, 32K, 1M, 32M.
func sizeName(n int) string {
	switch {
	case n >= miB && n%miB == 0:
		return fmt.Sprintf("%dM", n/miB)
	case n >= kiB && n%kiB == 0:
		return fmt.Sprintf("%dK", n/kiB)
	}
	return fmt.Sprint(n)
}

// decimalSizeName writes 1000 as 1KB, 100000 as 100KB (the CRS sizes are
// decimal).
func decimalSizeName(n int) string {
	switch {
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprintf("%dKB", n/1000)
	}
	return fmt.Sprintf("%dB", n)
}
