package plan

// The cost model, in nanoseconds, from bench/'s BenchmarkCrossover (2
// cores, texts of 8 bytes to 1 KiB ending in a match; the standard
// library's matcher beside RE2 forced):
//
//   - RE2 costs a crossing into wasm (copy, instance, call: about 250 ns),
//     about 3 ns a byte, and for submatches about 250 ns a group (it finds
//     the match with its DFAs first, then runs another matcher over it);
//     an anchored expression stops early, so its bytes cost little. (The
//     first calibration had 150 ns and 150 ns; a re-run on 2026-12-02, on
//     a slower machine, had RE2's calls at 1.0-1.3 times the standard
//     library's on 8 bytes, where 150 ns made them 0.7 times, and RE2 at
//     2.1-3.9 µs against 1.0-1.5 µs for an anchored log line of 10
//     groups.)
//   - The standard library's matchers (one-pass, backtracking) cost about
//     150 ns and 10 ns a byte plus one per node of the expression when it
//     is not anchored (they start over at every position); anchored, about
//     50 ns and 12 ns for each byte up to the end of the longest possible
//     match (20 in the first calibration; `^.bc(d|e)` matching 4 bytes
//     took 115 ns against RE2's 300 in bench's AnchoredLiteral family on
//     2026-12-02, which 20 ns a byte gave to RE2).
//   - Compiling costs RE2 about 8 µs plus 0.3 µs a node, the standard
//     library about 1.5 µs plus 0.1 µs a node.
//
// So RE2 wins on texts of more than a few dozen bytes, the standard
// library on short texts with submatches and on anchored expressions
// with groups. The first calls also pay for the compile: while RE2 is not
// compiled yet, calls run the standard library's matcher until what they
// cost beyond what RE2 would have cost exceeds RE2's compile (pick). A
// pattern only used on short texts never compiles RE2.
const (
	re2Call            = 250
	re2PerByte         = 3
	re2PerGroup        = 250
	stdCall            = 150
	stdAnchored        = 50
	stdAnchoredPerByte = 12
	stdPerByte         = 10
	stdPerGroup        = 40
	re2Compile         = 8000
	re2PerNode         = 300
	stdCompile         = 1500
	stdPerNode         = 100
	maxStdNodes        = 200 // larger expressions never run the standard library's matcher by choice
	maxStdLength       = 4096
)

// work is what a call asks of the engines: a text of n bytes, of which
// RE2 is handed a window of handed bytes (the head where every match
// lies, or the text from the earliest possible start of a match), and
// before bytes precede the first place where a match may begin (n when no
// search told). The standard library's matcher, given the whole text,
// starts over at every position before that place (the calibration's
// texts end in their match: its per-node cost is paid up to the match).
type work struct{ n, handed, before int }

// costs estimates a call with ngroups groups wanted, in each engine.
func (m *Matcher) costs(w work, ngroups int) (std, re2 int) {
	re2 = re2Call
	if ngroups > 1 {
		re2 += re2PerGroup * ngroups
	}
	if m.headMatches {
		// Both stop at the end of the longest possible match, which the
		// head holds.
		return stdAnchored + stdAnchoredPerByte*w.handed + stdPerGroup*ngroups, re2
	}
	re2 += re2PerByte * w.handed
	if m.anchoredStart {
		// The standard library's matcher tries the start only, up to
		// the end of the text (`^...$`).
		return stdAnchored + stdAnchoredPerByte*w.n + stdPerGroup*ngroups, re2
	}
	std = stdCall + (stdPerByte+m.nodes)*w.before + stdPerByte*(w.n-w.before) + stdPerGroup*ngroups
	return std, re2
}

// compileCosts estimates what compiling each engine costs.
func (m *Matcher) compileCosts() (std, re2 int) {
	return stdCompile + stdPerNode*m.nodes, re2Compile + re2PerNode*m.nodes
}

// preferStd reports whether a call with ngroups groups should run the
// standard library's matcher rather than RE2, counting the cost of
// compiling RE2 while it has not been compiled. When the estimates
// decided it (the call is within the bounds where both engines may run),
// decided is true and std and re2 are the estimates before calibration.
func (m *Matcher) preferStd(w work, ngroups int) (prefer, decided bool, std, re2 int) {
	if m.re2.unavailable() {
		return true, false, 0, 0
	}
	scanned := w.n
	if m.headMatches {
		scanned = w.handed
	}
	if m.nodes > maxStdNodes || scanned > maxStdLength {
		return false, false, 0, 0
	}
	std, re2 = m.costs(w, ngroups)
	scaledStd, scaledRE2 := m.calibration.scale(std, re2)
	if m.re2.ready() {
		return scaledStd < scaledRE2, true, std, re2
	}
	if scaledStd <= scaledRE2 {
		return true, true, std, re2
	}
	stdCompile, re2Compile := m.compileCosts()
	if !m.std.ready() {
		scaledStd += stdCompile
	}
	if scaledRE2+re2Compile <= scaledStd {
		return false, true, std, re2 // this call alone pays for RE2
	}
	// RE2 would be cheaper per call: once the calls have spent its compile
	// in excess, compile it.
	return m.re2.excess.Add(int64(scaledStd-scaledRE2)) < int64(re2Compile), true, std, re2
}
