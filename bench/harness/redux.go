package harness

import (
	"bytes"
	"fmt"
	"strings"
)

// regex-redux from the Computer Language Benchmarks Game, on input made by
// the game's fasta generator (written here from the published description:
// a linear congruential generator, the ALU repeat and two weighted
// alphabets).

const alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" +
	"GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" +
	"CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" +
	"ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" +
	"GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" +
	"AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" +
	"AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

type weighted struct {
	c byte
	p float64
}

var iub = []weighted{
	{'a', 0.27}, {'c', 0.12}, {'g', 0.12}, {'t', 0.27},
	{'B', 0.02}, {'D', 0.02}, {'H', 0.02}, {'K', 0.02},
	{'M', 0.02}, {'N', 0.02}, {'R', 0.02}, {'S', 0.02},
	{'V', 0.02}, {'W', 0.02}, {'Y', 0.02},
}

var homoSapiens = []weighted{
	{'a', 0.3029549426680},
	{'c', 0.1979883004921},
	{'g', 0.1975473066391},
	{'t', 0.3015094502008},
}

const lineWidth = 60

// lcg is the game's pseudo-random generator.
type lcg struct{ last int }

func (g *lcg) next(max float64) float64 {
	const im, ia, ic = 139968, 3877, 29573
	g.last = (g.last*ia + ic) % im
	return max * float64(g.last) / im
}

func writeLines(w *bytes.Buffer, seq func(i int) byte, n int) {
	for i := 0; i < n; i++ {
		w.WriteByte(seq(i))
		if (i+1)%lineWidth == 0 || i == n-1 {
			w.WriteByte('\n')
		}
	}
}

// Fasta returns the output of the game's fasta program for n.
func Fasta(n int) []byte {
	var w bytes.Buffer
	w.Grow(10*n + 10*n/lineWidth + 128)
	w.WriteString(">ONE Homo sapiens alu\n")
	writeLines(&w, func(i int) byte { return alu[i%len(alu)] }, 2*n)

	g := &lcg{last: 42}
	random := func(table []weighted) func(int) byte {
		cum := make([]float64, len(table))
		sum := 0.0
		for i, t := range table {
			sum += t.p
			cum[i] = sum
		}
		return func(int) byte {
			r := g.next(1)
			for i, p := range cum {
				if r < p {
					return table[i].c
				}
			}
			return table[len(table)-1].c
		}
	}
	w.WriteString(">TWO IUB ambiguity codes\n")
	writeLines(&w, random(iub), 3*n)
	w.WriteString(">THREE Homo sapiens frequency\n")
	writeLines(&w, random(homoSapiens), 5*n)
	return w.Bytes()
}

var reduxVariants = []string{
	`agggtaaa|tttaccct`,
	`[cgt]gggtaaa|tttaccc[acg]`,
	`a[act]ggtaaa|tttacc[agt]t`,
	`ag[act]gtaaa|tttac[agt]ct`,
	`agg[act]taaa|ttta[agt]cct`,
	`aggg[acg]aaa|ttt[cgt]ccct`,
	`agggt[cgt]aa|tt[acg]accct`,
	`agggta[cgt]a|t[acg]taccct`,
	`agggtaa[cgt]|[acg]ttaccct`,
}

var reduxSubsts = []struct{ re, repl string }{
	{`tHa[Nt]`, `<4>`},
	{`aND|caN|Ha[DS]|WaS`, `<3>`},
	{`a[NSt]|BY`, `<2>`},
	{`<[^>]*>`, `|`},
	{`\|[^|][^|]*\|`, `-`},
}

// RegexRedux runs the regex-redux program with engine e on input and
// returns what the program prints.
func RegexRedux(e *Engine, input []byte) (string, error) {
	var out strings.Builder
	compile := func(p string) (Regexp, error) {
		re, err := e.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", e.Name, p, err)
		}
		return re, nil
	}
	clean, err := compile(`>.*\n|\n`)
	if err != nil {
		return "", err
	}
	seq := clean.ReplaceAll(input, nil)
	for _, v := range reduxVariants {
		re, err := compile(v)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&out, "%s %d\n", v, len(re.FindAllIndex(seq, -1)))
	}
	subst := seq
	for _, s := range reduxSubsts {
		re, err := compile(s.re)
		if err != nil {
			return "", err
		}
		subst = re.ReplaceAll(subst, []byte(s.repl))
	}
	fmt.Fprintf(&out, "\n%d\n%d\n%d\n", len(input), len(seq), len(subst))
	return out.String(), nil
}

func init() {
	addFamily(Family{Name: "Redux", Cases: func(p Preset) []Case {
		n := p.ReduxN
		return []Case{{
			Name:  fmt.Sprintf("fasta=%d", n),
			Bytes: int64(len(cached("fasta", n, Fasta))),
			Setup: func(e *Engine) (*Run, error) {
				input := cached("fasta", n, Fasta)
				if _, err := RegexRedux(e, input[:0]); err != nil {
					return nil, err
				}
				return &Run{
					Op: func() { RegexRedux(e, input) },
					Result: func() string {
						s, err := RegexRedux(e, input)
						if err != nil {
							return err.Error()
						}
						return s
					},
				}, nil
			},
		}}
	}})
}
