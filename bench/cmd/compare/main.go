// Command compare runs the benchmark comparison of bench/: it builds the
// benchmark binaries, runs them once per engine configuration, writes the
// raw `go test -bench` outputs to results/raw/, merges them, prints
// benchstat tables of every engine against the standard library and
// against go-re2, draws the speed-up chart and writes a summary.
//
// Run it from bench/:
//
//	go run ./cmd/compare                 # quick preset, about 3 minutes
//	go run ./cmd/compare -preset full    # -count 10, 32 MiB inputs
//
// The engines come from four processes, because some of them are chosen
// per process or per build: the main binary (stdlib, re2wasm on its default
// aot engine, go-re2 and, when cgo and libre2 are there, re2-cgo), a binary
// built with -tags re2wasm_wazero run twice (re2wasm-wazero, then
// re2wasm-interp with RE2WASM_ENGINE=interpreter), and the binary of the
// nested module peers/gore2wazero (go-re2 v1.12.0 with its re2_wazero
// tag).
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

type preset struct {
	count     int
	benchtime string
	// familyBenchtime overrides benchtime for some families.
	familyBenchtime map[string]string
	// skipInterp are the families the interpreter's run leaves out.
	skipInterp []string
}

// workloads are the families of what users run (rebar's definitions, logs,
// dictionaries, Unicode text, small calls), as opposed to those modelled on
// the standard library's own benchmarks.
var workloads = []string{"Logs", "Dictionary", "Unicode", "Curated", "Small", "Early"}

var presets = map[string]preset{
	// quick: one sample per benchmark; the workload families with a
	// shorter -benchtime (they have many cases on large inputs). The
	// interpreter skips Memory (it compiles 10,000 patterns in about 30 s),
	// Set (the Core Rule Set as one program, slow to compile there) and the
	// workload families but Small (where RE2 leaves its DFA, the
	// interpreter takes minutes per case).
	"quick": {count: 1, benchtime: "250ms",
		familyBenchtime: map[string]string{"Logs": "100ms", "Dictionary": "100ms", "Unicode": "100ms", "Curated": "100ms", "Small": "100ms", "Early": "100ms"},
		skipInterp:      []string{"Memory", "Set", "Logs", "Dictionary", "Unicode", "Curated", "Early"}},
	// full: ten samples, enough for benchstat's confidence intervals and
	// significance tests.
	"full": {count: 10, benchtime: "300ms"},
}

// run is one configuration of a benchmark binary: each of its families runs
// in a process of its own.
type run struct {
	name    string   // file name part
	binary  string   // test binary
	engines []string // BENCH_ENGINES
	env     []string
	skip    []string // families left out
}

func main() {
	var (
		presetName = flag.String("preset", "quick", "quick or full")
		out        = flag.String("out", "results", "output `directory` (relative to bench/)")
		engines    = flag.String("engines", "", "comma-separated engines to run (default: all available)")
		bench      = flag.String("bench", ".", "benchmarks to run (-test.bench `regexp`)")
		count      = flag.Int("count", 0, "override the preset's -count")
		benchtime  = flag.String("benchtime", "", "override the preset's -benchtime")
		cgo        = flag.String("cgo", "auto", "re2-cgo engine: auto (when cgo, a C++ compiler and libre2 are found), on or off")
		reportOnly = flag.Bool("report", false, "do not run: report on the raw outputs already in the output directory")
		verbose    = flag.Bool("v", false, "echo every benchmark line")
		readme     = flag.String("readme", "", "write the Markdown tables into this `file` between its bench-table markers (make bench-readme: ../README.md)")
	)
	flag.Parse()
	p, ok := presets[*presetName]
	if !ok {
		fatalf("unknown preset %q (quick or full)", *presetName)
	}
	if *count > 0 {
		p.count = *count
	}
	if *benchtime != "" {
		p.benchtime = *benchtime
	}
	start := time.Now()

	root, err := benchRoot()
	if err != nil {
		fatalf("%v", err)
	}
	if err := os.Chdir(root); err != nil {
		fatalf("%v", err)
	}
	outDir, _ := filepath.Abs(*out)
	rawDir := filepath.Join(outDir, "raw")
	binDir := filepath.Join(outDir, "bin")
	for _, d := range []string{rawDir, binDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			fatalf("%v", err)
		}
	}

	var failures []string
	var runs []run
	var loads []float64
	if !*reportOnly {
		runs, loads, failures = runAll(p, *presetName, *engines, *cgo, *bench, outDir, *verbose)
	}

	raws, _ := filepath.Glob(filepath.Join(rawDir, *presetName+"-*.txt"))
	if len(raws) == 0 {
		fatalf("no raw results in %s", rawDir)
	}
	if *reportOnly {
		for _, f := range raws {
			failures = append(failures, scanFailures(f)...)
		}
	}
	merged := filepath.Join(outDir, *presetName+".txt")
	notes, err := merge(raws, merged)
	if err != nil {
		fatalf("%v", err)
	}
	d, err := parseFile(merged)
	if err != nil {
		fatalf("%v", err)
	}

	tables, err := benchstatTables(d, merged, outDir, root, *presetName)
	if err != nil {
		fatalf("%v", err)
	}
	fmt.Print(tables)

	// Chart and summary.
	chart := filepath.Join(outDir, fmt.Sprintf("speedup-%s.png", *presetName))
	if err := drawChart(d, chart); err != nil {
		fatalf("chart: %v", err)
	}
	if !*reportOnly {
		loads = append(loads, loadavg())
	}
	summary := buildSummary(d, summaryInfo{
		preset:    *presetName,
		count:     p.count,
		benchtime: p.benchtime,
		runs:      runs,
		notes:     notes,
		failures:  failures,
		chart:     rel(root, chart),
		elapsed:   time.Since(start),
		loads:     loads,
		report:    *reportOnly,
		files:     []string{rel(root, merged), rel(root, rawDir)},
	})
	sumFile := filepath.Join(outDir, fmt.Sprintf("summary-%s.txt", *presetName))
	if err := os.WriteFile(sumFile, []byte(summary), 0o644); err != nil {
		fatalf("%v", err)
	}
	fmt.Print("\n", summary)
	md := readmeTables(d, *presetName, newest(raws))
	tablesFile := filepath.Join(outDir, fmt.Sprintf("readme-%s.md", *presetName))
	if err := os.WriteFile(tablesFile, []byte(md), 0o644); err != nil {
		fatalf("%v", err)
	}
	if *readme != "" {
		if err := updateReadme(*readme, md); err != nil {
			fatalf("%v", err)
		}
		fmt.Printf("\ntables written into %s\n", *readme)
	}
	fmt.Printf("\nwall time %s; results in %s\n", time.Since(start).Round(time.Second), rel(root, outDir))

	// A crash of our engine is a bug to fix: say so with the exit status.
	for _, f := range failures {
		if strings.Contains(f, "engine=re2wasm") || strings.HasPrefix(f, "re2wasm") {
			os.Exit(1)
		}
	}
}

// benchstatTables writes benchstat's tables of every engine against each
// baseline to outDir, and returns their time-per-operation parts.
func benchstatTables(d *data, merged, outDir, root, presetName string) (string, error) {
	var tables bytes.Buffer
	for _, base := range []string{"stdlib", "go-re2"} {
		if !slices.Contains(d.engines, base) {
			continue
		}
		order := []string{base}
		for _, e := range d.engines {
			if e != base && (base != "go-re2" || e != "stdlib") {
				order = append(order, e)
			}
		}
		col := "/engine@(" + strings.Join(order, " ") + ")"
		file := filepath.Join(outDir, fmt.Sprintf("%s-vs-%s.txt", presetName, base))
		all, err := benchstat(col, "*", merged)
		if err != nil {
			return "", fmt.Errorf("benchstat: %v", err)
		}
		if err := os.WriteFile(file, all, 0o644); err != nil {
			return "", err
		}
		timeOnly, err := benchstat(col, ".unit:(sec/op OR first-match-ns)", merged)
		if err != nil {
			return "", fmt.Errorf("benchstat: %v", err)
		}
		fmt.Fprintf(&tables, "\n==== benchstat: every engine against %s (time per operation; all units in %s) ====\n\n",
			base, rel(root, file))
		tables.Write(timeOnly)
	}
	return tables.String(), nil
}

// runAll builds the benchmark binaries and runs every family on every
// engine wanted (comma-separated, or all when empty), writing raw outputs
// to outDir/raw. It returns the runs, the load averages before each and
// the failures.
func runAll(p preset, presetName, engines, cgo, bench, outDir string, verbose bool) (runs []run, loads []float64, failures []string) {
	rawDir := filepath.Join(outDir, "raw")
	binDir := filepath.Join(outDir, "bin")
	want := func(engine string) bool {
		return engines == "" || slices.Contains(strings.Split(engines, ","), engine)
	}
	useCgo := false
	switch cgo {
	case "on":
		useCgo = true
	case "auto":
		useCgo = cgoAvailable()
	}
	mainEngines := []string{"stdlib", "re2wasm", "go-re2"}
	if useCgo {
		mainEngines = append(mainEngines, "re2-cgo")
	}
	mainEngines = slices.DeleteFunc(mainEngines, func(e string) bool { return !want(e) })

	fmt.Fprintf(os.Stderr, "building the benchmark binaries (cgo engine: %v)...\n", useCgo)
	mainBin := filepath.Join(binDir, "bench.test")
	wazeroBin := filepath.Join(binDir, "bench-wazero.test")
	peerBin := filepath.Join(binDir, "gore2wazero.test")
	tags := ""
	if useCgo {
		tags = "re2cgo"
	}
	if err := goTestBuild(".", tags, mainBin); err != nil {
		fatalf("%v", err)
	}
	if want("re2wasm-wazero") || want("re2wasm-interp") {
		if err := goTestBuild(".", "re2wasm_wazero", wazeroBin); err != nil {
			fatalf("%v", err)
		}
	}
	if want("go-re2-wazero") {
		if err := goTestBuild("peers/gore2wazero", "re2_wazero", peerBin); err != nil {
			fatalf("%v", err)
		}
	}
	if len(mainEngines) > 0 {
		runs = append(runs, run{name: "main", binary: mainBin, engines: mainEngines})
	}
	if want("re2wasm-wazero") {
		runs = append(runs, run{name: "re2wasm-wazero", binary: wazeroBin, engines: []string{"re2wasm-wazero"}})
	}
	if want("re2wasm-interp") {
		runs = append(runs, run{name: "re2wasm-interp", binary: wazeroBin, engines: []string{"re2wasm-interp"},
			env: []string{"RE2WASM_ENGINE=interpreter"}, skip: p.skipInterp})
	}
	if want("go-re2-wazero") {
		runs = append(runs, run{name: "go-re2-wazero", binary: peerBin, engines: []string{"go-re2-wazero"}})
	}
	// Old raw files of this preset would be merged with the new ones.
	olds, _ := filepath.Glob(filepath.Join(rawDir, presetName+"-*.txt"))
	for _, f := range olds {
		os.Remove(f)
	}
	jobs := planJobs(runs, bench)
	if len(jobs) == 0 {
		fatalf("no family matches -bench %q", bench)
	}
	timingsFile := filepath.Join(outDir, "timings-"+presetName+".txt")
	prog := newProgress(jobs, readTimings(timingsFile))
	lastRun := ""
	for _, j := range jobs {
		if j.run.name != lastRun {
			loads = append(loads, loadavg())
			lastRun = j.run.name
		}
		fs, err := runBench(j, presetName, p, rawDir, verbose, prog)
		failures = append(failures, fs...)
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s %s: %v", j.run.name, j.family, err))
		}
	}
	if err := prog.writeTimings(timingsFile); err != nil {
		fmt.Fprintf(os.Stderr, "compare: %v\n", err)
	}
	return runs, loads, failures
}

// newest is the latest modification time of files: when a run ended.
func newest(files []string) time.Time {
	var t time.Time
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.ModTime().After(t) {
			t = fi.ModTime()
		}
	}
	return t
}

// loadavg is the 1-minute load average of the machine, or -1.
func loadavg() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return -1
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return -1
	}
	v, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return -1
	}
	return v
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "compare: "+format+"\n", args...)
	os.Exit(2)
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return r
	}
	return path
}

// benchRoot finds the bench module's directory from the working directory.
func benchRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		for _, cand := range []string{d, filepath.Join(d, "bench")} {
			data, err := os.ReadFile(filepath.Join(cand, "go.mod"))
			if err == nil && bytes.HasPrefix(data, []byte("module github.com/re2wasm/regexp/bench\n")) {
				return cand, nil
			}
		}
		if filepath.Dir(d) == d {
			return "", errors.New("run me inside the repository (no bench/go.mod found above " + dir + ")")
		}
	}
}

// cgoAvailable tells whether the re2-cgo engine can be built here.
func cgoAvailable() bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CXX").Output()
	if err != nil {
		return false
	}
	f := strings.Fields(string(out))
	if len(f) < 2 || f[0] != "1" {
		return false
	}
	if _, err := exec.LookPath(f[1]); err != nil {
		return false
	}
	return exec.Command("pkg-config", "--exists", "re2").Run() == nil
}

func goTestBuild(dir, tags, out string) error {
	args := []string{"test", "-c", "-o", out}
	if tags != "" {
		args = append(args, "-tags", tags)
	}
	args = append(args, ".")
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s (in %s): %v", strings.Join(args, " "), dir, err)
	}
	return nil
}

// runBench runs one family of one run in a process of its own, appending
// its output to rawDir/PRESET-RUN.txt, and returns the failures it printed.
func runBench(j job, presetName string, p preset, rawDir string, verbose bool, prog *progress) ([]string, error) {
	r := j.run
	file := filepath.Join(rawDir, presetName+"-"+r.name+".txt")
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	benchtime := p.benchtime
	if bt, ok := p.familyBenchtime[j.family]; ok {
		benchtime = bt
	}
	args := []string{"-test.run=^$", "-test.bench=" + j.pattern, "-test.benchmem",
		fmt.Sprintf("-test.count=%d", p.count), "-test.benchtime=" + benchtime, "-test.timeout=0"}
	cmd := exec.Command(r.binary, args...)
	cmd.Env = append(os.Environ(), "BENCH_PRESET="+presetName, "BENCH_ENGINES="+strings.Join(r.engines, ","))
	cmd.Env = append(cmd.Env, r.env...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	prog.start(j, benchtime)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var failures []string
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(f, line)
		if verbose {
			fmt.Fprintln(os.Stderr, "  ", line)
		}
		if i := strings.Index(line, "--- FAIL: Benchmark"); i >= 0 {
			failures = append(failures, strings.TrimSpace(line[i+len("--- FAIL: "):]))
			fmt.Fprintln(os.Stderr, "   ", strings.TrimSpace(line[i:]))
			continue
		}
		if strings.HasPrefix(line, "Benchmark") && strings.Contains(line, " ns/op") {
			prog.result()
		}
	}
	err = cmd.Wait()
	prog.done()
	if err != nil && len(failures) == 0 {
		return failures, err
	}
	// Benchmark failures make the binary exit 1; they are reported above.
	return failures, nil
}

// scanFailures reads the failures recorded in a raw output.
func scanFailures(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.Index(line, "--- FAIL: Benchmark"); i >= 0 {
			out = append(out, strings.TrimSpace(line[i+len("--- FAIL: "):]))
		}
	}
	return out
}

// benchstat runs the benchstat of the bench module's tool directive.
func benchstat(col, filter, file string) ([]byte, error) {
	cmd := exec.Command("go", "tool", "benchstat", "-col", col, "-filter", filter, file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		out = append(out, "\n"...)
		out = append(out, stderr.Bytes()...)
	}
	return out, nil
}

// merge writes the valid result and configuration lines of the raw files to
// one file (with one pkg, so that benchstat makes one table), and returns
// the logged notes.
func merge(raws []string, merged string) ([]string, error) {
	// The main run first, then the others, so that benchstat's row order
	// follows the main run.
	slices.SortStableFunc(raws, func(a, b string) int {
		am, bm := strings.HasSuffix(a, "-main.txt"), strings.HasSuffix(b, "-main.txt")
		switch {
		case am && !bm:
			return -1
		case bm && !am:
			return 1
		}
		return strings.Compare(a, b)
	})
	var w bytes.Buffer
	var notes []string
	for _, raw := range raws {
		f, err := os.Open(raw)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&w, "\n# from %s\n", filepath.Base(raw))
		if err := copyValid(&w, f, &notes); err != nil {
			f.Close()
			return nil, err
		}
		f.Close()
	}
	return notes, os.WriteFile(merged, w.Bytes(), 0o644)
}

func copyValid(w io.Writer, r io.Reader, notes *[]string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	last := ""
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "Benchmark") {
			last, _, _ = strings.Cut(line, "\t")
			last = strings.TrimSpace(last)
		}
		switch {
		case strings.HasPrefix(line, "pkg: "):
			fmt.Fprintln(w, "pkg: github.com/re2wasm/regexp/bench")
		case strings.HasPrefix(line, "goos: "), strings.HasPrefix(line, "goarch: "), strings.HasPrefix(line, "cpu: "):
			fmt.Fprintln(w, line)
		case strings.HasPrefix(line, "Benchmark"):
			if _, ok := parseLine(line); ok {
				fmt.Fprintln(w, line)
			}
		case strings.HasPrefix(strings.TrimSpace(line), "bench.go:"):
			_, note, _ := strings.Cut(strings.TrimSpace(line), ": ")
			*notes = append(*notes, strings.TrimPrefix(last, "Benchmark")+": "+note)
		}
	}
	return sc.Err()
}

func init() {
	// The runs measure single-threaded speed on a small machine: keep the
	// driver itself quiet while they run.
	runtime.GOMAXPROCS(1)
}
