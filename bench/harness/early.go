package harness

import "fmt"

// The Early family: calls on a long text (64 KiB) that the standard
// library decides in its first bytes, or turns down without a scan, and
// one find-all whose walks once looked far ahead from every byte. A
// library that copies the whole text into an engine, checks all of it
// for valid UTF-8 or walks each run to its end before answering loses
// here by factors of 50 to 1000 (a probe of Go's corpus patterns over
// texts of long runs found these cases). No text cuts a character (the
// Han texts. sizes are multiples of their periods).

// earlyCases are the patterns, the call and the text of each case.
var earlyCases = []struct {
	name, re, op string
	text         func() []byte
}{
	{"anchored-run", `^[^x]+`, "match", func() []byte { return repeatTo("a b ", 64*kiB) }},
	{"anchored-word", `^(GET|POST)\b`, "find", func() []byte { return append([]byte("GET /"), repeatTo(" lorem ipsum", 64*kiB)...) }},
	{"anchored-boundary-miss", `^\bbar`, "match", func() []byte { return repeatTo("aabcdef ", 64*kiB) }},
	{"first-run", `[acegikmoqsuwy]+`, "match", func() []byte { return repeatTo("a", 64*kiB) }},
	{"negated-class-han", `[^x]+`, "match", func() []byte { return repeatTo("本 ", 64*kiB) }},
	{"no-word-boundary-han", `\B`, "find", func() []byte { return repeatTo("本 ", 64*kiB) }},
	{"letters-han", `\pL+`, "find", func() []byte { return repeatTo("本 ", 64*kiB) }},
	{"ends-at-end-han", `h.*od?$`, "find", func() []byte { return repeatTo("本 ", 64*kiB) }},
	{"sparse-bounded-run", `[a-z0-9 ][Q-R]`, "findall", func() []byte {
		b := repeatTo("abcdefghijklmnopqrstuvwxyz0123456789 ", 256*kiB)
		for i := 0; i < len(b); i += 48 * kiB {
			b[i] = 'Q'
		}
		return b
	}},
}

func init() {
	addFamily(Family{Name: "Early", Cases: func(p Preset) []Case {
		var cs []Case
		for _, c := range earlyCases {
			in := c.text()
			var setup func(e *Engine) (*Run, error)
			switch c.op {
			case "match":
				setup = simple(c.re, constant(in), match)
			case "find":
				setup = simple(c.re, constant(in), findIndex)
			default:
				setup = simple(c.re, constant(in), findAll)
			}
			cs = append(cs, Case{
				Name:  fmt.Sprintf("op=%s/re=%s/size=%dK", c.op, c.name, len(in)/kiB),
				Bytes: int64(len(in)),
				Setup: setup,
			})
		}
		return cs
	}})
}
