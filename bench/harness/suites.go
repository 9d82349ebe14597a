package harness

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// The families of the standard library's own benchmarks (regexp's
// exec_test.go and all_test.go), rewritten here with their classic
// patterns, plus the operations a program calls most.

// digest describes a result compactly for comparisons across engines.
func digest(v any) string {
	switch v := v.(type) {
	case []byte:
		h := fnv.New64a()
		h.Write(v)
		return fmt.Sprintf("len=%d fnv=%x", len(v), h.Sum64())
	case [][]int:
		if len(v) > 8 {
			h := fnv.New64a()
			fmt.Fprint(h, v)
			return fmt.Sprintf("n=%d first=%v last=%v fnv=%x", len(v), v[0], v[len(v)-1], h.Sum64())
		}
	}
	return fmt.Sprint(v)
}

// simple is a case on one compiled pattern and one input.
func simple[T any](pattern string, input func() []byte, do func(re Regexp, in []byte) T) func(e *Engine) (*Run, error) {
	return func(e *Engine) (*Run, error) {
		re, err := e.Compile(pattern)
		if err != nil {
			return nil, err
		}
		in := input()
		return &Run{
			Op:     func() { do(re, in) },
			Result: func() string { return digest(do(re, in)) },
		}, nil
	}
}

func match(re Regexp, in []byte) bool                 { return re.Match(in) }
func findIndex(re Regexp, in []byte) []int            { return re.FindIndex(in) }
func findAll(re Regexp, in []byte) [][]int            { return re.FindAllIndex(in, -1) }
func submatch(re Regexp, in []byte) []int             { return re.FindSubmatchIndex(in) }
func submatchAll(re Regexp, in []byte) [][]int        { return re.FindAllSubmatchIndex(in, -1) }
func constant(b []byte) func() []byte                 { return func() []byte { return b } }
func sized(gen func(int) []byte, n int) func() []byte { return func() []byte { return gen(n) } }

// The classic patterns of the standard library's Match benchmarks.
var matchPatterns = []struct{ name, re string }{
	{"Easy0", "ABCDEFGHIJKLMNOPQRSTUVWXYZ$"},
	{"Easy0i", "(?i)ABCDEFGHIJklmnopqrstuvwxyz$"},
	{"Easy1", "A[AB]B[BC]C[CD]D[DE]E[EF]F[FG]G[GH]H[HI]I[IJ]J$"},
	{"Medium", "[XYZ]ABCDEFGHIJKLMNOPQRSTUVWXYZ$"},
	{"Hard", "[ -~]*ABCDEFGHIJKLMNOPQRSTUVWXYZ$"},
	{"Hard1", "ABCD|CDEF|EFGH|GHIJ|IJKL|KLMN|MNOP|OPQR|QRST|STUV|UVWX|WXYZ"},
}

const (
	emailRE   = `[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}`
	capWordRE = `[A-Z][a-z]+`
	logLineRE = `(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}) (\w+) user=(\w+)@(\w+)\.com action=(\w+)`
	userRE    = `(\w+)@(\w+)\.com`
	alphabet  = "abcdefghijklmnopqrstuvwxyz"
)

// emailAtEnd is prose with a single e-mail address at its very end, so that
// a search scans the whole input.
func emailAtEnd(n int) []byte {
	return cached("emailAtEnd", n, func(n int) []byte {
		tail := " jane.doe@example.org"
		if n <= len(tail) {
			return []byte(tail[len(tail)-n:])
		}
		return append(append([]byte(nil), proseText(n-len(tail))...), tail...)
	})
}

func repeatTo(s string, n int) []byte {
	return []byte(strings.Repeat(s, n/len(s)+1)[:n])
}

// uniqueWords returns n distinct words for alternations.
func uniqueWords(n int) []string {
	seen := map[string]bool{}
	var out []string
	for i := 0; len(out) < n; i++ {
		w := words[i%len(words)]
		if i >= len(words) {
			w = fmt.Sprintf("%s%d", w, i/len(words))
		}
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func init() {
	addFamily(Family{Name: "Match", Cases: func(p Preset) []Case {
		var cs []Case
		for _, pat := range matchPatterns {
			for _, n := range p.MatchSizes {
				cs = append(cs, Case{
					Name:  fmt.Sprintf("re=%s/size=%s", pat.name, sizeName(n)),
					Bytes: int64(n),
					Setup: simple(pat.re, sized(randomText, n), match),
				})
			}
		}
		return cs
	}})

	addFamily(Family{Name: "Find", Cases: func(p Preset) []Case {
		var cs []Case
		for _, n := range p.OpSizes {
			cs = append(cs, Case{
				Name:  "re=email/size=" + sizeName(n),
				Bytes: int64(n),
				Setup: simple(emailRE, sized(emailAtEnd, n), findIndex),
			})
		}
		return cs
	}})

	addFamily(Family{Name: "FindAll", Cases: func(p Preset) []Case {
		var cs []Case
		for _, n := range p.OpSizes {
			cs = append(cs, Case{
				Name:  "re=capword/size=" + sizeName(n),
				Bytes: int64(n),
				Setup: simple(capWordRE, sized(proseText, n), findAll),
			})
		}
		return cs
	}})

	addFamily(Family{Name: "Submatch", Cases: func(p Preset) []Case {
		line := []byte(logLine(newRand(9)))
		cs := []Case{{
			Name:  "op=first/size=line",
			Bytes: int64(len(line)),
			Setup: simple(logLineRE, constant(line), submatch),
		}}
		for _, n := range p.OpSizes {
			cs = append(cs, Case{
				Name:  "op=all/size=" + sizeName(n),
				Bytes: int64(n),
				Setup: simple(logLineRE, sized(logText, n), submatchAll),
			})
		}
		return cs
	}})

	addFamily(Family{Name: "ReplaceAll", Cases: func(p Preset) []Case {
		var cs []Case
		repl := []byte("$2 at $1")
		for _, n := range p.OpSizes {
			cs = append(cs, Case{
				Name:  "re=user/size=" + sizeName(n),
				Bytes: int64(n),
				Setup: simple(userRE, sized(logText, n), func(re Regexp, in []byte) []byte { return re.ReplaceAll(in, repl) }),
			})
		}
		return cs
	}})

	addFamily(Family{Name: "Literal", Cases: func(p Preset) []Case {
		var cs []Case
		for _, n := range []int{64, 32 * kiB} {
			text := repeatTo("x", n-1)
			text = append(text, 'y')
			cs = append(cs, Case{
				Name:  "size=" + sizeName(n),
				Bytes: int64(n),
				Setup: simple("y", constant(text), match),
			})
		}
		return cs
	}})

	addFamily(Family{Name: "AnchoredLiteral", Cases: func(p Preset) []Case {
		short := []byte(alphabet)
		long := repeatTo(alphabet, 32*kiB)
		return []Case{
			{Name: "case=short-nonmatch", Setup: simple(`^zbc(d|e)`, constant(short), match)},
			{Name: "case=long-nonmatch", Setup: simple(`^zbc(d|e)`, constant(long), match)},
			{Name: "case=short-match", Setup: simple(`^.bc(d|e)`, constant(short), match)},
			{Name: "case=long-match", Setup: simple(`^.bc(d|e)`, constant(long), match)},
		}
	}})

	addFamily(Family{Name: "OnePass", Cases: func(p Preset) []Case {
		short := []byte("abcddddddeeeededd")
		long := []byte(alphabet + strings.Repeat("0123456789", 100))
		return []Case{
			{Name: "case=short-a", Setup: simple(`^.bc(d|e)*$`, constant(short), submatch)},
			{Name: "case=short-b", Setup: simple(`^.bc(?:d|e)*$`, constant(short), submatch)},
			{Name: "case=long-prefix", Setup: simple(`^abcdefghijklmnopqrstuvwxyz(.*)$`, constant(long), submatch)},
			{Name: "case=long-not-prefix", Setup: simple(`^.bcdefghijklmnopqrstuvwxyz(.*)$`, constant(long), submatch)},
		}
	}})

	addFamily(Family{Name: "Compile", Cases: func(p Preset) []Case {
		alt := `\b(?:` + strings.Join(uniqueWords(p.CompileAlt), "|") + `)\b`
		pats := []struct{ name, re string }{
			{"simple", `^[a-z]+\d*$`},
			{"email", emailRE},
			{"logline", logLineRE},
			{fmt.Sprintf("alt%d", p.CompileAlt), alt},
		}
		var cs []Case
		for _, pat := range pats {
			cs = append(cs, Case{
				Name: "re=" + pat.name,
				Setup: func(e *Engine) (*Run, error) {
					if _, err := e.Compile(pat.re); err != nil {
						return nil, err
					}
					return &Run{
						Op: func() { e.Compile(pat.re) },
						Result: func() string {
							_, err := e.Compile(pat.re)
							return fmt.Sprint(err)
						},
					}, nil
				},
			})
		}
		return cs
	}})

	addFamily(Family{Name: "Parallel", Cases: func(p Preset) []Case {
		n := p.OpSizes[len(p.OpSizes)-1]
		if n > 32*kiB {
			n = 32 * kiB
		}
		return []Case{
			{
				Name: "op=match/re=Medium/size=1K", Bytes: 1 * kiB, Parallel: true,
				Setup: simple(matchPatterns[3].re, sized(randomText, 1*kiB), match),
			},
			{
				Name: "op=findall/re=capword/size=" + sizeName(n), Bytes: int64(n), Parallel: true,
				Setup: simple(capWordRE, sized(proseText, n), findAll),
			},
		}
	}})
}
