package harness

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"
	"time"
)

// Case is one benchmark of a family, run once per engine.
type Case struct {
	// Name is the part of the benchmark name after the family, before the
	// engine: "re=Easy0/size=1K".
	Name string
	// Bytes is the input size reported with SetBytes (0: none).
	Bytes int64
	// Parallel runs the operation with b.RunParallel.
	Parallel bool
	// NoWarmup skips the untimed operation that otherwise precedes the
	// timed loop (which fills lazily built automata and caches, so that one
	// timed iteration measures the same thing as many).
	NoWarmup bool
	// Setup prepares the case for an engine (compiling, building inputs)
	// outside the timed loop.
	Setup func(e *Engine) (*Run, error)
}

// Run is a case prepared for one engine.
type Run struct {
	// Op does one operation. It must be safe for concurrent use when the
	// case is Parallel.
	Op func()
	// Result does the operation once more and describes its result, which
	// Smoke compares across engines ("" means: not comparable).
	Result func() string
	// Metrics, if set, is read after the timed loop and reported with
	// b.ReportMetric (unit → value per operation).
	Metrics func() map[string]float64
	// Close, if set, releases what Setup made.
	Close func()
	// Err, if set, reports a failure of the operations (children that
	// failed, for example), checked after the timed loop.
	Err func() error
	// Note, if set, is logged (for example patterns an engine rejects).
	Note string
}

// Family is a group of cases: one Benchmark function.
type Family struct {
	Name  string
	Cases func(p Preset) []Case
}

// errSkip marks a case that does not apply to an engine.
var errSkip = errors.New("skip")

func skipf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errSkip}, args...)...)
}

var families []Family

func addFamily(f Family) { families = append(families, f) }

// familyOrder is the order of the families in tests and reports.
var familyOrder = []string{"Match", "Find", "FindAll", "Submatch", "ReplaceAll", "Literal",
	"AnchoredLiteral", "OnePass", "Compile", "Parallel", "CRS", "Set", "Redux",
	"Logs", "Dictionary", "Unicode", "Curated", "Small", "Early", "Startup", "Memory"}

func orderedFamilies() []Family {
	out := slices.Clone(families)
	slices.SortStableFunc(out, func(a, b Family) int {
		ia, ib := slices.Index(familyOrder, a.Name), slices.Index(familyOrder, b.Name)
		if ia < 0 {
			ia = len(familyOrder)
		}
		if ib < 0 {
			ib = len(familyOrder)
		}
		return ia - ib
	})
	return out
}

// Families returns the names of the families, in order.
func Families() []string {
	var out []string
	for _, f := range orderedFamilies() {
		out = append(out, f.Name)
	}
	return out
}

func family(name string) Family {
	i := slices.IndexFunc(families, func(f Family) bool { return f.Name == name })
	if i < 0 {
		panic("harness: no family " + name)
	}
	return families[i]
}

// Bench runs the family's cases for every selected engine as
// sub-benchmarks case/engine=NAME, with the sizes of the current preset.
func Bench(b *testing.B, name string) {
	f := family(name)
	engines := Engines()
	if len(engines) == 0 {
		b.Skip("no engine selected")
	}
	for _, c := range f.Cases(Current()) {
		b.Run(c.Name, func(b *testing.B) {
			for _, e := range engines {
				b.Run("engine="+e.Name, func(b *testing.B) { runCase(b, e, c) })
			}
		})
	}
}

func runCase(b *testing.B, e *Engine, c Case) {
	r, err := c.Setup(e)
	if errors.Is(err, errSkip) {
		b.Skip(err)
	}
	if err != nil {
		b.Fatal(err)
	}
	if r.Close != nil {
		defer r.Close()
	}
	if r.Note != "" {
		b.Log(r.Note)
	}
	// A panic of an engine fails this benchmark only, not the whole run.
	var failed firstError
	if !c.NoWarmup {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		t0 := time.Now()
		if err := protect(r.Op); err != nil {
			b.Fatal(err)
		}
		warm := time.Since(t0)
		if warm >= onceThreshold() && !c.Parallel {
			// A slow operation is timed once, by its warm-up: a second
			// run would double the cost of the case for little. Its
			// figures replace those of the benchmark function (which
			// include the setup).
			runtime.ReadMemStats(&m1)
			b.ReportMetric(float64(warm.Nanoseconds()), "ns/op")
			b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc), "B/op")
			b.ReportMetric(float64(m1.Mallocs-m0.Mallocs), "allocs/op")
			if c.Bytes > 0 {
				b.ReportMetric(float64(c.Bytes)/warm.Seconds()/1e6, "MB/s")
			}
			reportRun(b, r)
			return
		}
	}
	if c.Bytes > 0 {
		b.SetBytes(c.Bytes)
	}
	if c.Parallel {
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			failed.set(protect(func() {
				for pb.Next() {
					r.Op()
				}
			}))
		})
	} else {
		failed.set(protect(func() {
			for b.Loop() {
				r.Op()
			}
		}))
	}
	if err := failed.get(); err != nil {
		b.Fatal(err)
	}
	reportRun(b, r)
}

// onceThreshold is the time of an operation from which its warm-up is its
// only timed run: half a second, or -test.benchtime if that is longer.
func onceThreshold() time.Duration {
	d := 500 * time.Millisecond
	if f := flag.Lookup("test.benchtime"); f != nil {
		if bt, err := time.ParseDuration(f.Value.String()); err == nil && bt > d {
			d = bt
		}
	}
	return d
}

// reportRun reports the errors and metrics of a run after its timed part.
func reportRun(b *testing.B, r *Run) {
	if r.Err != nil {
		if err := r.Err(); err != nil {
			b.Fatal(err)
		}
	}
	if r.Metrics != nil {
		for unit, v := range r.Metrics() {
			b.ReportMetric(v, unit)
		}
	}
}

// Smoke runs every case of every family once, with the Tiny preset, for
// the reference and every registered engine, and compares the results with
// the standard library's. It proves that the harness and the adapters
// work; it asserts nothing about time.
func Smoke(t *testing.T) {
	engines := All()
	if len(engines) == 0 {
		t.Skip("no engine registered")
	}
	for _, e := range engines {
		t.Logf("engine %s: %s", e.Name, e.Note)
	}
	for _, f := range orderedFamilies() {
		t.Run(f.Name, func(t *testing.T) {
			for _, c := range f.Cases(Tiny) {
				t.Run(c.Name, func(t *testing.T) {
					want := smokeOne(t, reference, c)
					for _, e := range engines {
						got := smokeOne(t, e, c)
						if got == want || got == "" || want == "" {
							continue
						}
						msg := fmt.Sprintf("%s: result differs from the standard library's:\n got: %s\nwant: %s",
							e.Name, clip(got), clip(want))
						if e.Strict {
							t.Error(msg)
						} else {
							t.Log(msg)
						}
					}
				})
			}
		})
	}
}

func smokeOne(t *testing.T, e *Engine, c Case) string {
	t.Helper()
	r, err := c.Setup(e)
	if errors.Is(err, errSkip) {
		t.Logf("%s: %v", e.Name, err)
		return ""
	}
	if err != nil {
		t.Errorf("%s: setup: %v", e.Name, err)
		return ""
	}
	if r.Close != nil {
		defer r.Close()
	}
	if r.Note != "" {
		t.Logf("%s: %s", e.Name, r.Note)
	}
	if err := protect(r.Op); err != nil {
		t.Errorf("%s: %v", e.Name, err)
		return ""
	}
	if r.Err != nil {
		if err := r.Err(); err != nil {
			t.Errorf("%s: %v", e.Name, err)
			return ""
		}
	}
	res := ""
	if r.Result != nil {
		if err := protect(func() { res = r.Result() }); err != nil {
			t.Errorf("%s: %v", e.Name, err)
			return ""
		}
	}
	if r.Metrics != nil {
		for unit, v := range r.Metrics() {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: metric %s is %v", e.Name, unit, v)
			}
		}
	}
	return res
}

// protect runs f and returns its panic, if any, as an error.
func protect(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	f()
	return nil
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
