package regexp

// Differential tests over Go's own corpora, copied into testdata/ from the
// Go tree's src/regexp/testdata (see testdata/README). The corpora are used
// as data only: patterns and inputs. The expected results they carry are
// ignored; the standard library is the oracle.

import (
	"bufio"
	"compress/bzip2"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/re2wasm/regexp/internal/plan"
)

// re2Corpus is a file in RE2's test format: blocks of "strings" followed by
// quoted inputs, then "regexps" followed by quoted patterns, each pattern
// followed by a line of expected results (skipped here).
type re2Corpus struct {
	blocks []corpusBlock
}

type corpusBlock struct {
	name     string
	strings  []string
	patterns []string
}

func readRE2Corpus(t testing.TB, r io.Reader) re2Corpus {
	var c re2Corpus
	var block *corpusBlock
	inStrings := false
	name := ""
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		switch {
		case line == "" || line[0] == '#':
		case line == "strings":
			c.blocks = append(c.blocks, corpusBlock{name: name})
			block = &c.blocks[len(c.blocks)-1]
			inStrings = true
		case line == "regexps":
			inStrings = false
		case line[0] == '"':
			s, err := strconv.Unquote(line)
			if err != nil {
				t.Fatalf("corpus line %q: %v", line, err)
			}
			if inStrings {
				block.strings = append(block.strings, s)
			} else {
				block.patterns = append(block.patterns, s)
			}
		case line[0] == '-' || line[0] >= '0' && line[0] <= '9':
			// Expected results: not used.
		default:
			name = line // a test name, such as EgrepLiterals.Lowercase
		}
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return c
}

func openCorpus(t testing.TB, file string) io.Reader {
	f, err := os.Open("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if strings.HasSuffix(file, ".bz2") {
		return bzip2.NewReader(f)
	}
	return f
}

// modes are the ways every pattern is compiled: leftmost-first,
// leftmost-first made longest, and POSIX.
var modes = []struct {
	name           string
	posix, longest bool
}{
	{"perl", false, false},
	{"longest", false, true},
	{"posix", true, true},
}

// shortStep is how many cases the -short runs (the interpreter's, in CI)
// step over for one they compare.
func shortStep() int {
	if testing.Short() {
		return 10
	}
	return 1
}

// TestRE2Search runs every method on every pattern and string of
// re2-search.txt, in every mode (every tenth pattern with -short).
func TestRE2Search(t *testing.T) {
	eachStrategy(t, strategies, func(t *testing.T) {
		corpus := readRE2Corpus(t, openCorpus(t, "re2-search.txt"))
		cases := 0
		n := 0
		for _, block := range corpus.blocks {
			for _, expr := range block.patterns {
				if n++; n%shortStep() != 0 {
					continue
				}
				for _, mode := range modes {
					p := compilePair(t, expr, mode.posix, mode.longest)
					if p == nil {
						continue
					}
					compareMetadata(t, p)
					for _, s := range block.strings {
						compareAll(t, p, s)
						cases++
					}
				}
			}
		}
		t.Logf("%d (pattern, mode, input) cases", cases)
		if cases == 0 {
			t.Fatal("no case read from re2-search.txt")
		}
	})
}

// TestRE2Exhaustive compares the two primitives every method is built on
// (leftmost match with groups, all matches with groups) over every case of
// re2-exhaustive.txt.bz2, for the pattern as is and anchored at both ends,
// leftmost-first and leftmost-longest. Whole with -full (`make test`
// runs it so); by default or under the race detector every 50th pattern,
// with -short every 500th.
func TestRE2Exhaustive(t *testing.T) {
	// Its texts are so short that the planner runs the standard library's
	// matcher on all of them: RE2 is forced, on every case, and windows on
	// every seventh pattern (they differ from RE2 only in where the copy
	// begins).
	eachStrategy(t, []plan.Strategy{plan.RE2, plan.Windowed}, func(t *testing.T) {
		corpus := readRE2Corpus(t, openCorpus(t, "re2-exhaustive.txt.bz2"))
		step := 1
		switch {
		case testing.Short():
			step = 500
		case raceEnabled || !*full:
			step = 50
		}
		if forced := t.Name(); strings.HasSuffix(forced, "/windowed") {
			step *= 7
		}
		for _, block := range corpus.blocks {
			t.Run(block.name, func(t *testing.T) {
				t.Parallel()
				cases := 0
				for i := 0; i < len(block.patterns); i += step {
					for _, expr := range []string{block.patterns[i], `^(?:` + block.patterns[i] + `)$`} {
						for _, longest := range []bool{false, true} {
							p := compilePair(t, expr, false, longest)
							if p == nil {
								continue
							}
							for _, s := range block.strings {
								if !comparePrimitives(t, p, s) {
									return // one failure per block is enough to read
								}
								cases++
							}
						}
					}
				}
				t.Logf("%d cases", cases)
			})
		}
	})
}

// fowlerCase is one line of the AT&T POSIX test files (basic.dat,
// nullsubexpr.dat, repetition.dat): an expression and an input.
type fowlerCase struct {
	line       int
	expr, text string
}

// readFowler reads the expressions and inputs of a Fowler file. Fields are
// separated by tabs: flags, expression (SAME for the previous one), input
// (NULL for empty), result (ignored). A '$' among the flags means the
// expression and input use C escapes.
func readFowler(t testing.TB, file string) []fowlerCase {
	var cases []fowlerCase
	scanner := bufio.NewScanner(openCorpus(t, file))
	lastExpr := ""
	for n := 1; scanner.Scan(); n++ {
		line := scanner.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		var fields []string
		for _, f := range strings.Split(line, "\t") {
			if f != "" {
				fields = append(fields, f)
			}
		}
		if len(fields) < 3 || fields[0] == "NOTE" {
			continue
		}
		flags, expr, text := fields[0], fields[1], fields[2]
		if i := strings.LastIndexByte(flags, ':'); i >= 0 {
			flags = flags[i+1:] // a label such as :HA#291:
		}
		if expr == "SAME" {
			expr = lastExpr
		}
		lastExpr = expr
		if text == "NULL" {
			text = ""
		}
		if strings.Contains(flags, "$") {
			expr, text = unescapeC(expr), unescapeC(text)
		}
		cases = append(cases, fowlerCase{line: n, expr: expr, text: text})
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// unescapeC reads the C escapes of a Fowler field, or leaves it as is.
func unescapeC(s string) string {
	if u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`); err == nil {
		return u
	}
	return s
}

// TestFowler runs every method on every case of the AT&T files (every
// tenth with -short), each expression compiled in every mode that accepts
// it.
func TestFowler(t *testing.T) {
	eachStrategy(t, strategies, func(t *testing.T) {
		for _, file := range []string{"basic.dat", "nullsubexpr.dat", "repetition.dat"} {
			t.Run(file, func(t *testing.T) {
				cases := readFowler(t, file)
				if len(cases) < 50 {
					t.Fatalf("only %d cases read from %s", len(cases), file)
				}
				compared := 0
				for i, c := range cases {
					if i%shortStep() != 0 {
						continue
					}
					for _, mode := range modes {
						p := compilePair(t, c.expr, mode.posix, mode.longest)
						if p == nil {
							continue
						}
						compareMetadata(t, p)
						compareAll(t, p, c.text)
						compared++
					}
				}
				t.Logf("%d cases, %d compared", len(cases), compared)
			})
		}
	})
}

// TestMultilingualWords matches alternations of a few hundred words in a
// dozen scripts (testdata/multilingual) over prose in those scripts: whole
// lists and one list per language, in file order and sorted by length,
// plain, case-folded, between word boundaries and captured, in every mode.
func TestMultilingualWords(t *testing.T) {
	eachStrategy(t, multilingualStrategies(), func(t *testing.T) {
		words, err := os.ReadFile("testdata/multilingual/words.txt")
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile("testdata/multilingual/text.txt")
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		lists := map[string][]string{}
		lang := ""
		for line := range strings.Lines(string(words)) {
			line = strings.TrimSuffix(line, "\n")
			switch {
			case strings.HasPrefix(line, "# "):
				lang = line[2:]
			case line != "":
				all = append(all, QuoteMeta(line))
				lists[lang] = append(lists[lang], QuoteMeta(line))
			}
		}
		if len(all) < 200 || len(lists) < 10 {
			t.Fatalf("read %d words in %d lists", len(all), len(lists))
		}
		byLength := slices.Clone(all)
		slices.SortStableFunc(byLength, func(a, b string) int { return len(b) - len(a) })
		alternations := []string{strings.Join(all, "|"), strings.Join(byLength, "|")}
		for _, list := range lists {
			alternations = append(alternations, strings.Join(list, "|"))
		}
		var patterns []string
		for _, alt := range alternations {
			patterns = append(patterns, alt, `(?i)`+alt, `\b(?:`+alt+`)\b`, `(`+alt+`)(\pL*)`)
		}
		// Every method on every line would take the standard library minutes:
		// the primitives run on every line, every method on a few.
		lines := strings.Split(string(text), "\n")
		step := 7 * shortStep()
		for i, expr := range patterns {
			for _, mode := range modes {
				p := compilePair(t, expr, mode.posix, mode.longest)
				if p == nil {
					continue
				}
				s := string(text)
				comparePrimitives(t, p, s)
				p.check(t, "ReplaceAllString", s, p.ours.ReplaceAllString(s, "<$0>"), p.std.ReplaceAllString(s, "<$0>"))
				for j, line := range lines {
					comparePrimitives(t, p, line)
					if (i+j)%step == 0 {
						compareAll(t, p, line)
					}
				}
			}
		}
		if n := len(regexp.MustCompile(strings.Join(all, "|")).FindAllString(string(text), -1)); n < 150 {
			t.Errorf("the words match %d times in the text: too few to prove much", n)
		}
	})
}

// multilingualStrategies are all strategies, or only the planner's under
// the race detector, which makes the standard library's side of this test
// take minutes.
func multilingualStrategies() []plan.Strategy {
	if raceEnabled {
		return []plan.Strategy{plan.Auto}
	}
	return strategies
}
