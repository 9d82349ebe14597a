package plan

import (
	gocontext "context"

	"github.com/re2wasm/regexp/internal/re2wasm"
)

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
//     looked at before it only; FindAll looks at it between batches of
//     matches.
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

// FindAllContext is FindAll, returning ctx.Err() once ctx is done; each
// may have been called for the matches before. Where matches are bounded
// and never empty, RE2 searches chunks of cancelChunk bytes, the context
// looked at before each; otherwise one search, the context looked at
// between its matches.
func FindAllContext[T Text](ctx gocontext.Context, m *Matcher, text T, n, ngroups int, each func(offsets []int)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if ctx.Done() == nil || len(text) < 2*cancelChunk {
		return FindAll(m, text, n, ngroups, each)
	}
	var c call
	if begin(m, text, ngroups, &c) || c.how == Std {
		return FindAll(m, text, n, ngroups, each)
	}
	handed := false // a match went to each: too late to start again
	counted := func(offsets []int) { handed = true; each(offsets) }
	var err error
	if m.chunkable(cancelChunk) {
		err = re2FindAllInChunks(m, c.prog, text, c.start, c.end, n, ngroups, chunking{first: cancelChunk, largest: cancelChunk, stop: ctx.Err}, counted)
	} else {
		ctxAt := context(c.start)
		var done error // the context's, once it ends between matches
		err = re2wasm.MatchAll(c.prog, text[ctxAt:c.end], c.start-ctxAt, ngroups, n, func(offsets []int) bool {
			shift(offsets, ctxAt)
			counted(offsets)
			done = ctx.Err()
			return done == nil
		})
		if err == nil {
			err = done
		}
	}
	if unusable(err) && !handed {
		return FindAll(m, text, n, ngroups, each)
	}
	return err
}

// RootMatcher is the Matcher of a root package *regexp.Regexp, set by
// that package (which cannot export it), for the extra package.
var RootMatcher func(re any) *Matcher
