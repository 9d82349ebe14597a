package plan

import (
	gocontext "context"

	"github.com/re2wasm/regexp/internal/re2wasm"
)

// Cancellable calls. RE2's search loops ask the host every 64 KiB of text
// (4 KiB in the NFA) whether to stop (internal/rt's Instance.Watch), so a
// call that may be cancelled is one search of RE2's that ends, once the
// context does, after at most that much more work (the copy of the text
// into wasm memory stops between stretches of 1 MiB, and match-all
// looks after 256 searches or 64 KiB). The standard
// library's matchers cannot be stopped: a call they take (a pattern RE2
// cannot compile, or a short text) runs to its end.
//
// Texts shorter than watchMinText, and contexts that can never end, take
// the plain path: watching a call costs about a microsecond. Longer texts
// skip the walks of shapes in Go (shape.go), which cannot be stopped.
const watchMinText = 4 << 10

// MatchContext is Match, returning ctx.Err() once ctx is done.
func MatchContext[T Text](ctx gocontext.Context, m *Matcher, text T) (bool, error) {
	m.studied()
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if ctx.Done() == nil || len(text) < watchMinText {
		return Match(m, text)
	}
	c := call{skipShape: true} // a walk in Go does not look at ctx
	if begin(m, text, 0, &c) {
		return c.literalAt >= 0, nil
	}
	if c.how == Std {
		return Match(m, text)
	}
	ok, err := re2SearchUntil(ctx, c.prog, text, c.start, c.end)
	if unusable(err) {
		return Match(m, text)
	}
	return ok, err
}

// FindContext is Find, returning ctx.Err() once ctx is done.
func FindContext[T Text](ctx gocontext.Context, m *Matcher, text T, ngroups int) ([]int, error) {
	m.studied()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ctx.Done() == nil || len(text) < watchMinText {
		return Find(m, text, ngroups)
	}
	c := call{skipShape: true} // a walk in Go does not look at ctx
	if begin(m, text, ngroups, &c) {
		return c.found(), nil
	}
	if c.how == Std {
		return Find(m, text, ngroups)
	}
	match, err := re2FindUntil(ctx, c.prog, text, c.start, c.end, ngroups)
	if unusable(err) {
		return Find(m, text, ngroups)
	}
	return match, err
}

// FindAllContext is FindAll, returning ctx.Err() once ctx is done; each
// may have been called for the matches before.
func FindAllContext[T Text](ctx gocontext.Context, m *Matcher, text T, n, ngroups int, each func(offsets []int)) error {
	m.studied()
	if err := ctx.Err(); err != nil {
		return err
	}
	if ctx.Done() == nil || len(text) < watchMinText {
		return FindAll(m, text, n, ngroups, each)
	}
	if m.anchoredStart && m.answersInGo() {
		match, err := FindContext(ctx, m, text, ngroups) // one match at most (findAll)
		if match != nil && n != 0 {
			each(match)
		}
		return err
	}
	c := call{skipShape: true} // a walk in Go does not look at ctx
	if begin(m, text, ngroups, &c) || c.how == Std {
		return FindAll(m, text, n, ngroups, each)
	}
	handed := false // a match went to each: too late to start again
	ctxAt := context(c.start)
	err := re2wasm.MatchAll(ctx, c.prog, text[ctxAt:c.end], c.start-ctxAt, ngroups, n, func(offsets []int) bool {
		shift(offsets, ctxAt)
		handed = true
		each(offsets)
		return true
	})
	if unusable(err) && !handed {
		return FindAll(m, text, n, ngroups, each)
	}
	return err
}
