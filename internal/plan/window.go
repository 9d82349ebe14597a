package plan

import "unicode/utf8"

// The windowed strategy. Every match contains each required string, and
// the window string begins at most windowLead bytes after the start of
// the match that contains it. So a text lacking either has no match, and
// no match begins before the first occurrence of the window string less
// windowLead bytes: RE2 is handed the text from there, with one byte
// before it for context (^, \b), and the copy into wasm memory and RE2's
// scan of the bytes before are spared. The searches run in Go, by the
// strings' rarest bytes (search.go).

// windowStart returns the earliest offset of s where a match can begin,
// and false if s cannot hold a match at all.
func (m *Matcher) windowStart(s string) (int, bool) {
	if m.filter != nil && m.filter.index(s, 0) < 0 {
		return 0, false
	}
	if m.window == nil {
		return 0, true
	}
	c := m.window.index(s, 0)
	if c < 0 {
		return 0, false
	}
	return charStart(s, max(0, c-m.windowLead)), true
}

// context is where the copy for RE2 begins: one byte before start, which
// is a character boundary. Copied alone, that byte may be a piece of a
// character, but a piece of a character is, like a whole one, neither a
// word character nor a newline, which is all RE2 asks of the byte before.
func context(start int) int { return max(0, start-1) }

// charStart returns the start of the character that holds byte i of s,
// characters being as Go decodes them (an invalid byte is one).
func charStart(s string, i int) int {
	if i >= len(s) || utf8.RuneStart(s[i]) {
		return i
	}
	for k := 1; k < utf8.UTFMax && k <= i; k++ {
		if !utf8.RuneStart(s[i-k]) {
			continue
		}
		if r, w := utf8.DecodeRuneInString(s[i-k:]); (r != utf8.RuneError || w > 1) && i-k+w > i {
			return i - k
		}
		break
	}
	return i
}

// charEnd returns the end of the character that holds byte i-1 of s: the
// first character boundary at or after i.
func charEnd(s string, i int) int {
	if i <= 0 || i >= len(s) {
		return min(max(i, 0), len(s))
	}
	start := charStart(s, i)
	if start == i {
		return i
	}
	_, w := utf8.DecodeRuneInString(s[start:])
	return start + w
}
