package harness

import "fmt"

// The Small family: the calls that dominate request handlers and input
// validation, on short texts where the cost of a call, not of a scan,
// decides: MatchString of validators on 16 and 32 bytes, FindStringSubmatch
// on one log line, anchored literals that match, and Compile followed by
// one match (a pattern built per request, or used once).

// validators are anchored patterns of input validation, each with a text
// of 16 and one of 32 bytes (some match, some do not, as user input goes).
var validators = []struct {
	name, re string
	texts    [2]string
}{
	{"email", `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`,
		[2]string{"jane@example.org", "jane.doe.smith@mail.examples.com"}},
	{"uuid", `^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$`,
		[2]string{"9f8e7d6c-5b4a-39", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"}},
	{"iso-date", `^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$`,
		[2]string{"2024-03-14T09:26", "2024-03-14T09:26:53.123456+01:00"}},
	{"route", `^/api/v1/users/(\d+)$`,
		[2]string{"/api/v1/users/42", "/api/v1/users/123456789012345678"}},
}

// smallLogRE takes a line of the Logs family's text apart.
const smallLogRE = `^(\S+) (\w+)\s+\[([^\]]+)\] (\S+) - (\w+) (\S+) HTTP/1\.1 status=(\d+) bytes=(\d+) took=(\d+)ms user=(\w+)`

// smallLogLine is the first access line of the Logs family's text.
func smallLogLine() string {
	re := mustCompile(reference, smallLogRE)
	for _, l := range lineStrings(opsLog(16 * kiB)) {
		if re.MatchString(l) {
			return l
		}
	}
	panic("harness: no access line in the log")
}

// anchoredMatches are anchored patterns that begin with a literal, on
// short texts that they match.
var anchoredMatches = []struct{ name, re, text string }{
	{"get", `^GET /api/`, "GET /api/v1/orders/48213 HTTP/1.1"},
	{"http-ok", `^HTTP/1\.[01] 200`, "HTTP/1.1 200 OK\r\nContent-Type: text/html"},
}

// compileOnce are the patterns of the Compile-then-match cases.
var compileOnce = []struct{ name, re, text string }{
	{"email", validators[0].re, validators[0].texts[0]},
	{"route", validators[3].re, validators[3].texts[0]},
	{"logline", smallLogRE, ""},
}

func matchString(re Regexp, s string) bool { return re.MatchString(s) }

// stringCase is a case of one compiled pattern and one string.
func stringCase[T any](pattern string, text func() string, do func(re Regexp, s string) T) func(e *Engine) (*Run, error) {
	return func(e *Engine) (*Run, error) {
		re, err := e.Compile(pattern)
		if err != nil {
			return nil, err
		}
		s := text()
		return &Run{
			Op:     func() { do(re, s) },
			Result: func() string { return digest(do(re, s)) },
		}, nil
	}
}

func init() {
	addFamily(Family{Name: "Small", Cases: func(p Preset) []Case {
		var cs []Case
		for _, v := range validators {
			for _, t := range v.texts {
				cs = append(cs, Case{
					Name:  fmt.Sprintf("op=matchstring/re=%s/size=%d", v.name, len(t)),
					Bytes: int64(len(t)),
					Setup: stringCase(v.re, func() string { return t }, matchString),
				})
			}
		}
		cs = append(cs, Case{
			Name:  "op=findstringsubmatch/re=logline/size=line",
			Setup: stringCase(smallLogRE, smallLogLine, func(re Regexp, s string) []string { return re.FindStringSubmatch(s) }),
		})
		for _, a := range anchoredMatches {
			cs = append(cs, Case{
				Name:  fmt.Sprintf("op=matchstring/re=anchored-%s/size=%d", a.name, len(a.text)),
				Bytes: int64(len(a.text)),
				Setup: stringCase(a.re, func() string { return a.text }, matchString),
			})
		}
		for _, c := range compileOnce {
			cs = append(cs, Case{
				Name: "op=compile-and-first-match/re=" + c.name,
				Setup: func(e *Engine) (*Run, error) {
					text := c.text
					if text == "" {
						text = smallLogLine()
					}
					once := func() bool {
						re, err := e.Compile(c.re)
						if err != nil {
							panic(err)
						}
						return re.MatchString(text)
					}
					return &Run{Op: func() { once() }, Result: func() string { return fmt.Sprint(once()) }}, nil
				},
			})
		}
		return cs
	}})
}
