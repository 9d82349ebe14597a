package plan

import gocontext "context"

// Cancellable calls. RE2's search loops look at nothing outside the text,
// so a call that may be cancelled hands RE2 a long text a chunk at a time
// and looks at the context between chunks:
//
//   - a pattern whose matches have a bounded length (maxLen) is searched
//     in chunks of cancelChunk bytes that overlap by maxLen, which is
//     exact (chunk.go explains why) and bounds the time from the end of
//     the context to the return by the search of one chunk;
//   - one whose matches are unbounded cannot be cut exactly: Match
//     searches prefixes of the text that double in length (at most twice
//     the work of one search), so the context is looked at less and less
//     often; Find searches the whole text in one call, the context being
//     looked at before it only.
//
// Short texts, and contexts that can never end, take the plain path.
const cancelChunk = 1 << 20

// MatchContext is Match, returning ctx.Err() once ctx is done.
func MatchContext[T Text](ctx gocontext.Context, m *Matcher, text T) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if ctx.Done() == nil || len(text) < 2*cancelChunk {
		return Match(m, text)
	}
	var c call
	if begin(m, text, 0, &c) {
		return c.literalAt >= 0, nil
	}
	if c.how == Std {
		return Match(m, text)
	}
	s := view(text)
	a, size := c.start, cancelChunk
	for {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		if m.maxLen == unbounded {
			b := c.end
			if c.start+size < c.end {
				b = charEnd(s, c.start+size)
			}
			ok, err := re2Search(c.prog, text, c.start, b)
			if unusable(err) {
				return Match(m, text)
			}
			if ok || err != nil || b == c.end {
				return ok, err
			}
			size *= 2
			continue
		}
		if a+size >= c.end {
			return re2Search(c.prog, text, a, c.end)
		}
		b := charEnd(s, a+size)
		if ok, err := re2Search(c.prog, text, a, b); ok || err != nil {
			if unusable(err) {
				return Match(m, text)
			}
			return ok, err
		}
		a = charStart(s, max(a, b-m.maxLen))
	}
}

// FindContext is Find, returning ctx.Err() once ctx is done.
func FindContext[T Text](ctx gocontext.Context, m *Matcher, text T, ngroups int) ([]int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ctx.Done() == nil || len(text) < 2*cancelChunk || m.maxLen == unbounded {
		return Find(m, text, ngroups)
	}
	var c call
	if begin(m, text, ngroups, &c) {
		return c.literalMatch(), nil
	}
	if c.how == Std {
		return Find(m, text, ngroups)
	}
	match, err := findInChunks(m, c.prog, text, c.start, c.end, ngroups, cancelChunk, 1, ctx.Err)
	if unusable(err) {
		return Find(m, text, ngroups)
	}
	return match, err
}

// RootMatcher is the Matcher of a root package *regexp.Regexp, set by
// that package (which cannot export it), for the extra package.
var RootMatcher func(re any) *Matcher
