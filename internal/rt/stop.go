package rt

import (
	"context"
	"sync/atomic"
)

// Calls that end early on request. RE2's search loops ask the host, every
// 64 KiB of text (4 KiB in the NFA), whether to stop (re2w_stopped, in
// wasm/src/include/util/host.h, and wasm/src/patches/stop-on-request.patch);
// when told to, they end the search with "no match", a result the caller
// throws away. An instance says stop only while it is watched and the
// watched context is done.

// A watch is one Watch of an instance: its own flag, so that a context
// ending after its Unwatch can never stop a later call.
type watch struct{ stopped atomic.Bool }

// watcher holds the watch under way on an engine's instance, if any.
type watcher struct{ cur atomic.Pointer[watch] }

// Stopped reports whether the instance is watched and its context done:
// what re2w_stopped answers (false for a nil watcher).
func (w *watcher) Stopped() bool {
	if w == nil {
		return false
	}
	c := w.cur.Load()
	return c != nil && c.stopped.Load()
}

// Watch makes the instance's calls end early once ctx is done, until
// Unwatch (Release ends the watch too).
func (i *Instance) Watch(ctx context.Context) {
	w := new(watch)
	i.unwatch = context.AfterFunc(ctx, func() { w.stopped.Store(true) })
	i.mod.cur.Store(w)
}

// Unwatch ends the watch begun by Watch and reports whether its context
// ended during it: then the results of the calls made under it mean
// nothing (a search may have been cut short).
func (i *Instance) Unwatch() (stopped bool) {
	if i.unwatch == nil {
		return false
	}
	i.unwatch()
	i.unwatch = nil
	w := i.mod.cur.Swap(nil)
	return w.stopped.Load()
}

// Stopped reports whether the watch under way wants the call to end, for
// long work of the host's own between calls (copying a text in).
func (i *Instance) Stopped() bool { return i.mod.Stopped() }
