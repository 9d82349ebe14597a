package harness

import (
	"fmt"
	"hash/fnv"
)

// The Logs family: log and secret scanning. The patterns people grep logs
// for, and those of secret scanners, over the text of logtext.go, with the
// three operations such programs use: MatchString on every line (a grep),
// FindAllIndex over the whole text (a scanner that reports every finding),
// and Match over the whole text (is there anything at all?).

// logPatterns are the patterns of the Logs family, by name.
var logPatterns = []struct{ name, re string }{
	{"error", `ERROR: (\w+)`},
	{"user-failed", `user=\w+ failed`},
	{"x-digits-y", `x\d+y`},
	{"panic-i", `(?i)panic`},
	{"fatal-word", `\bfatal\b`},
	{"caps5-digit", `[A-Z]{5}\d`},
	{"ipv4", `\d+\.\d+\.\d+\.\d+`},
	{"aws-key", `AKIA[0-9A-Z]{16}`},
	{"github-token", `ghp_[0-9A-Za-z]{36}`},
	{"slack-token", `xox[baprs]-[0-9A-Za-z-]{10,72}`},
	{"private-key", `-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----`},
	{"jwt", `\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`},
	{"generic-key", `(?i)(api|secret)[_-]?key\s*[:=]\s*\S+`},
}

// logOps are the operations, each with the sizes of the preset it runs on.
var logOps = []struct {
	name  string
	sizes func(p Preset) []int
	setup func(pattern string, text []byte) func(e *Engine) (*Run, error)
}{
	{"lines", func(p Preset) []int { return p.LogLineSizes }, grepLines},
	{"findall", func(p Preset) []int { return p.LogSizes }, func(pattern string, text []byte) func(e *Engine) (*Run, error) {
		return simple(pattern, constant(text), findAll)
	}},
	{"match", func(p Preset) []int { return p.LogMatchSizes }, func(pattern string, text []byte) func(e *Engine) (*Run, error) {
		return simple(pattern, constant(text), match)
	}},
}

// grepLines is the grep of a text: MatchString on each of its lines (split
// beforehand, outside the timed loop), counting the lines that match.
func grepLines(pattern string, text []byte) func(e *Engine) (*Run, error) {
	return func(e *Engine) (*Run, error) {
		re, err := e.Compile(pattern)
		if err != nil {
			return nil, err
		}
		ls := lineStrings(text)
		count := func() (n int) {
			for _, l := range ls {
				if re.MatchString(l) {
					n++
				}
			}
			return n
		}
		return &Run{
			Op: func() { count() },
			Result: func() string {
				// Which lines match, not only how many.
				h := fnv.New64a()
				n := 0
				for i, l := range ls {
					if re.MatchString(l) {
						n++
						fmt.Fprint(h, i, " ")
					}
				}
				return fmt.Sprintf("lines=%d matching=%d fnv=%x", len(ls), n, h.Sum64())
			},
		}, nil
	}
}

func init() {
	addFamily(Family{Name: "Logs", Cases: func(p Preset) []Case {
		var cs []Case
		for _, pat := range logPatterns {
			for _, op := range logOps {
				for _, n := range op.sizes(p) {
					cs = append(cs, Case{
						Name:  fmt.Sprintf("re=%s/op=%s/size=%s", pat.name, op.name, sizeName(n)),
						Bytes: int64(n),
						Setup: func(e *Engine) (*Run, error) { return op.setup(pat.re, opsLog(n))(e) },
					})
				}
			}
		}
		return cs
	}})
}
