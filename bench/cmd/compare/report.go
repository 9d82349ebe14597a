package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/perf/benchmath"

	"github.com/re2wasm/regexp/bench/harness"
)

// result is one benchmark line.
type result struct {
	family string // Match
	cas    string // Match/re=Easy0/size=16
	engine string
	values map[string]float64 // unit → value
}

// parseLine parses "BenchmarkMatch/re=Easy0/size=16/engine=stdlib-2  N  v unit  v unit...".
func parseLine(line string) (result, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 || !strings.HasPrefix(f[0], "Benchmark") {
		return result{}, false
	}
	if _, err := strconv.Atoi(f[1]); err != nil {
		return result{}, false
	}
	r := result{values: map[string]float64{}}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return result{}, false
		}
		r.values[f[i+1]] = v
	}
	name := strings.TrimPrefix(f[0], "Benchmark")
	// The -GOMAXPROCS suffix.
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i]
		}
	}
	var parts []string
	for _, p := range strings.Split(name, "/") {
		if e, ok := strings.CutPrefix(p, "engine="); ok {
			r.engine = e
			continue
		}
		parts = append(parts, p)
	}
	if r.engine == "" || len(parts) == 0 {
		return result{}, false
	}
	r.family = parts[0]
	r.cas = strings.Join(parts, "/")
	return r, true
}

type key struct{ cas, engine string }

// data holds every sample of a merged file.
type data struct {
	cases   []string // in order of first appearance
	family  map[string]string
	engines []string // canonical order
	samples map[key]map[string][]float64
	cpu     string
}

func parseFile(file string) (*data, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &data{family: map[string]string{}, samples: map[key]map[string][]float64{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if cpu, ok := strings.CutPrefix(line, "cpu: "); ok {
			d.cpu = cpu
		}
		r, ok := parseLine(line)
		if !ok {
			continue
		}
		d.add(r)
	}
	return d, sc.Err()
}

func (d *data) add(r result) {
	if _, ok := d.family[r.cas]; !ok {
		d.cases = append(d.cases, r.cas)
		d.family[r.cas] = r.family
	}
	if !slices.Contains(d.engines, r.engine) {
		d.engines = append(d.engines, r.engine)
		slices.SortStableFunc(d.engines, func(a, b string) int { return harness.Rank(a) - harness.Rank(b) })
	}
	k := key{r.cas, r.engine}
	if d.samples[k] == nil {
		d.samples[k] = map[string][]float64{}
	}
	for u, v := range r.values {
		d.samples[k][u] = append(d.samples[k][u], v)
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// med returns the median of a unit for a case and engine.
func (d *data) med(cas, engine, unit string) (float64, bool) {
	xs := d.samples[key{cas, engine}][unit]
	if len(xs) == 0 {
		return 0, false
	}
	return median(xs), true
}

// timed reports whether a case's ns/op is a speed to compare (the Memory
// family's ns/op is the time of a whole child process).
func (d *data) timed(cas string) bool { return d.family[cas] != "Memory" }

// speedup is time(base)/time(engine) on ns/op: above 1, engine is faster.
func (d *data) speedup(cas, base, engine string) (float64, bool) {
	b, ok1 := d.med(cas, base, "ns/op")
	e, ok2 := d.med(cas, engine, "ns/op")
	if !ok1 || !ok2 || b <= 0 || e <= 0 {
		return 0, false
	}
	return b / e, true
}

// pvalue is the Mann-Whitney U test's p-value of two samples (1 when
// either has fewer than two values).
func (d *data) pvalue(cas, a, b, unit string) float64 {
	xa, xb := d.samples[key{cas, a}][unit], d.samples[key{cas, b}][unit]
	if len(xa) < 2 || len(xb) < 2 {
		return math.NaN()
	}
	sa := benchmath.NewSample(xa, &benchmath.DefaultThresholds)
	sb := benchmath.NewSample(xb, &benchmath.DefaultThresholds)
	return benchmath.AssumeNothing.Compare(sa, sb).P
}

func geomean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, x := range xs {
		s += math.Log(x)
	}
	return math.Exp(s / float64(len(xs)))
}

func (d *data) families() []string {
	var out []string
	for _, c := range d.cases {
		if f := d.family[c]; !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// fmtNs writes a duration in ns with 3 significant digits.
func fmtNs(ns float64) string {
	units := []struct {
		div  float64
		name string
	}{{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}, {1, "ns"}}
	for _, u := range units {
		if ns >= u.div {
			return sig3(ns/u.div) + u.name
		}
	}
	return sig3(ns) + "ns"
}

func fmtBytes(b float64) string {
	neg := ""
	if b < 0 {
		neg, b = "-", -b
	}
	switch {
	case b >= 1<<30:
		return neg + sig3(b/(1<<30)) + "GiB"
	case b >= 1<<20:
		return neg + sig3(b/(1<<20)) + "MiB"
	case b >= 1<<10:
		return neg + sig3(b/(1<<10)) + "KiB"
	}
	return neg + sig3(b) + "B"
}

func sig3(x float64) string {
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	case x >= 10:
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

func fmtRatio(r float64) string {
	if math.IsNaN(r) {
		return "-"
	}
	if r > 0 && r < 0.01 {
		// Two significant digits, not 0.00x.
		return strconv.FormatFloat(r, 'f', 1-int(math.Floor(math.Log10(r))), 64) + "x"
	}
	return sig3(r) + "x"
}

type summaryInfo struct {
	preset    string
	count     int
	benchtime string
	runs      []run
	notes     []string
	failures  []string
	chart     string
	elapsed   time.Duration
	files     []string
	loads     []float64 // 1-minute load averages before each run and at the end
	report    bool      // re-read raw files (-report): no runs, no loads
}

// ours is the engine whose slow spots the summary lists.
const ours = "re2wasm"

// row is a line of the tables of geometric means: a family, or a total.
type row struct {
	name  string
	cases []string
}

// familyRows are the families, then the totals: every case, the families
// modelled on the standard library's benchmarks, and the workloads.
func familyRows(d *data) []row {
	var rows []row
	var all, std, work []string
	for _, fam := range d.families() {
		if fam == "Memory" {
			continue
		}
		var cs []string
		for _, c := range d.cases {
			if d.family[c] == fam {
				cs = append(cs, c)
			}
		}
		rows = append(rows, row{fam, cs})
		all = append(all, cs...)
		if slices.Contains(workloads, fam) {
			work = append(work, cs...)
		} else {
			std = append(std, cs...)
		}
	}
	if len(std) > 0 && len(work) > 0 {
		rows = append(rows, row{"all stdlib-style", std}, row{"all workloads", work})
	}
	return append(rows, row{"all", all})
}

// geomeanOver is the geometric mean of the speed-ups of engine against
// base over the cases that both have.
func (d *data) geomeanOver(cases []string, base, engine string) float64 {
	var xs []float64
	for _, c := range cases {
		if s, ok := d.speedup(c, base, engine); ok {
			xs = append(xs, s)
		}
	}
	return geomean(xs)
}

// weakCases are the timed cases where engine is below the given speed-up
// against peer, the worst first.
func (d *data) weakCases(engine, peer string, below float64) []string {
	var out []string
	for _, c := range d.cases {
		if !d.timed(c) {
			continue
		}
		if s, ok := d.speedup(c, peer, engine); ok && s < below {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		sa, _ := d.speedup(a, peer, engine)
		sb, _ := d.speedup(b, peer, engine)
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	})
	return out
}

// timedCount is the number of timed cases both engines have.
func (d *data) timedCount(a, b string) int {
	n := 0
	for _, c := range d.cases {
		if _, ok := d.speedup(c, a, b); ok && d.timed(c) {
			n++
		}
	}
	return n
}

// ratioOrDash is the speed-up of engine against base on a case, or "-".
func (d *data) ratioOrDash(c, base, engine string) string {
	if s, ok := d.speedup(c, base, engine); ok {
		return fmtRatio(s)
	}
	return "-"
}

func buildSummary(d *data, info summaryInfo) string {
	var b strings.Builder
	p := printer(&b)
	if info.report {
		p("==== summary: preset %s (re-read from the raw files: -count, -benchtime and load as they were run) ====\n\n", info.preset)
	} else {
		p("==== summary: preset %s (-count %d, -benchtime %s; workload families as set per family) ====\n\n", info.preset, info.count, info.benchtime)
	}
	p("machine: %s, %d cores, %s %s/%s\n", d.cpu, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, r := range info.runs {
		env := ""
		if len(r.env) > 0 {
			env = " with " + strings.Join(r.env, " ")
		}
		skip := ""
		if len(r.skip) > 0 {
			skip = "; leaves out " + strings.Join(r.skip, ", ")
		}
		p("run %-15s engines %s%s (one process per family%s)\n", r.name+":", strings.Join(r.engines, ", "), env, skip)
	}
	if set, err := harness.CRS(); err == nil {
		skipped := "none"
		if len(set.Skipped) > 0 {
			var s []string
			for reason, n := range set.Skipped {
				s = append(s, fmt.Sprintf("%d (%s)", n, reason))
			}
			sort.Strings(s)
			skipped = strings.Join(s, ", ")
		}
		p("CRS: %d distinct @rx patterns from %d rule files (%d operators, %d duplicates); skipped: %s\n",
			len(set.Patterns), set.Files, set.Found, set.Duplicates, skipped)
	}
	p("files: %s; chart: %s\n", strings.Join(info.files, ", "), info.chart)
	if len(info.loads) > 0 && info.loads[0] >= 0 {
		var ls []string
		busy := false
		for _, l := range info.loads {
			ls = append(ls, fmt.Sprintf("%.1f", l))
			// The benchmarks themselves load one core (two in Parallel).
			busy = busy || l > float64(runtime.NumCPU())+0.5
		}
		p("load average (1 min) before each run and at the end: %s", strings.Join(ls, ", "))
		if busy {
			p("  WARNING: other processes competed for the %d cores; times are noisy", runtime.NumCPU())
		}
		p("\n")
	}

	writeSpeedups(&b, d)
	writeWeakCases(&b, d)
	writeMemory(&b, d)
	writeStartup(&b, d)
	writeSlower(&b, d)
	writeNotes(&b, info)
	return b.String()
}

// printer writes formatted text to b.
func printer(b *strings.Builder) func(format string, args ...any) {
	return func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
}

// writeSpeedups writes the geometric means of speed-ups by family against
// each baseline.
func writeSpeedups(b *strings.Builder, d *data) {
	p := printer(b)
	for _, base := range []string{"stdlib", "go-re2", "re2-cgo"} {
		others := comparedWith(d, base)
		if len(others) == 0 {
			continue
		}
		p("\nspeed-up against %s (geometric mean of time(%s)/time(engine) over the family's cases; above 1x = faster than %s):\n\n", base, base, base)
		p("%-22s", "family")
		for _, e := range others {
			p(" %15s", e)
		}
		p("\n")
		for _, row := range familyRows(d) {
			p("%-22s", row.name)
			for _, e := range others {
				p(" %15s", fmtRatio(d.geomeanOver(row.cases, base, e)))
			}
			p("\n")
		}
	}

}

// writeWeakCases writes every case where our engine is clearly behind
// go-re2 or the standard library.
func writeWeakCases(b *strings.Builder, d *data) {
	p := printer(b)
	if slices.Contains(d.engines, ours) {
		for _, w := range []struct {
			peer  string
			below float64
		}{{"go-re2", 0.9}, {"stdlib", 0.83}} {
			if !slices.Contains(d.engines, w.peer) {
				continue
			}
			weak := d.weakCases(ours, w.peer, w.below)
			p("\n%s below %.2gx %s: %d of %d cases, worst first (speed-up = time(%s)/time(%s); other columns: %s against stdlib, go-re2, re2-cgo):\n",
				ours, w.below, w.peer, len(weak), d.timedCount(ours, w.peer), w.peer, ours, ours)
			if len(weak) == 0 {
				p("  none\n")
			}
			for _, c := range weak {
				s, _ := d.speedup(c, w.peer, ours)
				o, _ := d.med(c, ours, "ns/op")
				q, _ := d.med(c, w.peer, "ns/op")
				p("  %-62s %8s  %10s vs %10s   [%s %s %s]\n", c, fmtRatio(s), fmtNs(o), fmtNs(q),
					d.ratioOrDash(c, "stdlib", ours), d.ratioOrDash(c, "go-re2", ours), d.ratioOrDash(c, "re2-cgo", ours))
			}
		}
	}

}

// casesOf are the cases of a family.
func (d *data) casesOf(family string) []string {
	return slices.DeleteFunc(slices.Clone(d.cases), func(c string) bool { return d.family[c] != family })
}

// writeMemory writes the memory cases' figures per engine.
func writeMemory(b *strings.Builder, d *data) {
	p := printer(b)
	for _, c := range d.casesOf("Memory") {
		p("\n%s: growth over the child's baseline (medians; after free = after dropping every pattern, GC and FreeOSMemory):\n\n", c)
		p("%-16s %12s %12s %16s %16s %14s\n", "engine", "Go heap", "RSS", "heap after free", "RSS after free", "compile/pattern")
		for _, e := range d.engines {
			h, ok := d.med(c, e, "heap-B")
			if !ok {
				continue
			}
			r, _ := d.med(c, e, "rss-B")
			hf, _ := d.med(c, e, "heap-after-free-B")
			rf, _ := d.med(c, e, "rss-after-free-B")
			cp, _ := d.med(c, e, "ns/pattern")
			p("%-16s %12s %12s %16s %16s %14s\n", e, fmtBytes(h), fmtBytes(r), fmtBytes(hf), fmtBytes(rf), fmtNs(cp))
		}
	}
}

// writeStartup writes the time to a first match in a fresh process.
func writeStartup(b *strings.Builder, d *data) {
	p := printer(b)
	startCases := d.casesOf("Startup")
	if len(startCases) > 0 {
		p("\nstart-up: time to the first match in a fresh process (in the child, from its start to the match; whole process in parentheses):\n\n")
		p("%-16s", "engine")
		for _, c := range startCases {
			p(" %28s", c)
		}
		p("\n")
		for _, e := range d.engines {
			p("%-16s", e)
			for _, c := range startCases {
				fm, ok := d.med(c, e, "first-match-ns")
				wall, _ := d.med(c, e, "ns/op")
				if !ok {
					p(" %28s", "-")
					continue
				}
				p(" %28s", fmt.Sprintf("%s (%s)", fmtNs(fm), fmtNs(wall)))
			}
			p("\n")
		}
	}

}

// writeSlower lists, for each peer, every case where our engine is slower.
func writeSlower(b *strings.Builder, d *data) {
	p := printer(b)
	memCases := d.casesOf("Memory")
	if slices.Contains(d.engines, ours) {
		for _, peer := range d.engines {
			if peer == ours || peer == "re2wasm-interp" || peer == "re2wasm-wazero" {
				continue
			}
			var lines []string
			for _, c := range d.cases {
				if !d.timed(c) {
					continue
				}
				s, ok := d.speedup(c, peer, ours)
				if !ok || s >= 1 {
					continue
				}
				o, _ := d.med(c, ours, "ns/op")
				q, _ := d.med(c, peer, "ns/op")
				sig := ""
				if pv := d.pvalue(c, ours, peer, "ns/op"); !math.IsNaN(pv) {
					if pv >= 0.05 {
						sig = fmt.Sprintf("  (not significant, p=%.2f)", pv)
					} else {
						sig = fmt.Sprintf("  (p=%.3f)", pv)
					}
				} else if 1/s < 1.1 {
					sig = "  (within 10%: noise with one sample)"
				}
				lines = append(lines, fmt.Sprintf("  %-52s %10s vs %10s  %7s slower%s", c, fmtNs(o), fmtNs(q), fmtRatio(1/s), sig))
			}
			for _, c := range memCases {
				for _, u := range []string{"heap-B", "rss-B", "rss-after-free-B"} {
					o, ok1 := d.med(c, ours, u)
					q, ok2 := d.med(c, peer, u)
					if ok1 && ok2 && o > q && o-q > 1<<20 {
						lines = append(lines, fmt.Sprintf("  %-52s %10s vs %10s  more memory", c+" "+strings.TrimSuffix(u, "-B"), fmtBytes(o), fmtBytes(q)))
					}
				}
			}
			p("\n%s is slower than %s in %d places (median time per operation, %s vs %s):\n", ours, peer, len(lines), ours, peer)
			if len(lines) == 0 {
				p("  none\n")
			}
			for _, l := range lines {
				p("%s\n", l)
			}
		}
	}

}

// writeNotes writes the benchmarks' notes, the failures and the time taken.
func writeNotes(b *strings.Builder, info summaryInfo) {
	p := printer(b)
	if len(info.notes) > 0 {
		p("\nnotes logged by the benchmarks:\n")
		seen := map[string]bool{}
		for _, n := range info.notes {
			if !seen[n] {
				seen[n] = true
				p("  %s\n", n)
			}
		}
	}
	if len(info.failures) > 0 {
		p("\nFAILED benchmarks (left out of the tables):\n")
		for _, f := range info.failures {
			p("  %s\n", f)
		}
	}
	p("\ntotal time of the comparison: %s\n", info.elapsed.Round(time.Second))
}
