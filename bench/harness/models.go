package harness

import (
	"bytes"
	"fmt"
)

// The measurement models of rebar (github.com/BurntSushi/rebar, MODELS.md),
// written here over the standard API: what is timed, and what the result
// is that every engine must agree on.

// countMatches is rebar's count: the number of matches in the text.
func countMatches(re Regexp, text []byte) int { return len(re.FindAllIndex(text, -1)) }

// countSpans is rebar's count-spans: the sum of the lengths of the matches,
// which makes an engine find where each match starts as well as ends.
func countSpans(re Regexp, text []byte) int {
	n := 0
	for _, m := range re.FindAllIndex(text, -1) {
		n += m[1] - m[0]
	}
	return n
}

// countCaptures is rebar's count-captures: the number of groups (the whole
// match included) that take part in each match.
func countCaptures(re Regexp, text []byte) int {
	n := 0
	for _, m := range re.FindAllSubmatchIndex(text, -1) {
		for i := 0; i < len(m); i += 2 {
			if m[i] >= 0 {
				n++
			}
		}
	}
	return n
}

// splitLines splits text into lines without their line ends ("\n" or
// "\r\n"), as a grep does; a last line without a line end counts.
func splitLines(text []byte) [][]byte {
	text = bytes.TrimSuffix(text, []byte("\n"))
	if len(text) == 0 {
		return nil
	}
	out := bytes.Split(text, []byte("\n"))
	for i, l := range out {
		out[i] = bytes.TrimSuffix(l, []byte("\r"))
	}
	return out
}

// lineStrings is splitLines with strings, for MatchString.
func lineStrings(text []byte) []string {
	ls := splitLines(text)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

// grepCount is rebar's grep: the number of lines with a match.
func grepCount(re Regexp, ls [][]byte) int {
	n := 0
	for _, l := range ls {
		if re.Match(l) {
			n++
		}
	}
	return n
}

// grepCaptures is rebar's grep-captures: count-captures on each line.
func grepCaptures(re Regexp, ls [][]byte) int {
	n := 0
	for _, l := range ls {
		n += countCaptures(re, l)
	}
	return n
}

// textModel is a case of a model over a whole text.
func textModel(pattern string, text func() []byte, model func(Regexp, []byte) int) func(e *Engine) (*Run, error) {
	return simple(pattern, text, model)
}

// lineModel is a case of a model over the lines of a text (split before
// the timed loop: the engines are measured, not the splitting).
func lineModel(pattern string, text func() []byte, model func(Regexp, [][]byte) int) func(e *Engine) (*Run, error) {
	return func(e *Engine) (*Run, error) {
		re, err := e.Compile(pattern)
		if err != nil {
			return nil, err
		}
		ls := splitLines(text())
		return &Run{
			Op:     func() { model(re, ls) },
			Result: func() string { return fmt.Sprintf("lines=%d count=%d", len(ls), model(re, ls)) },
		}, nil
	}
}

// compileCase is rebar's compile: the time to compile the pattern; the
// result is the number of matches in a short haystack, found with the
// compiled pattern (outside the timed loop).
func compileCase(pattern func() string, haystack string) func(e *Engine) (*Run, error) {
	return func(e *Engine) (*Run, error) {
		p := pattern()
		if _, err := e.Compile(p); err != nil {
			return nil, err
		}
		return &Run{
			Op: func() { e.Compile(p) },
			Result: func() string {
				re, err := e.Compile(p)
				if err != nil {
					return err.Error()
				}
				return fmt.Sprintf("count=%d", countMatches(re, []byte(haystack)))
			},
		}, nil
	}
}
