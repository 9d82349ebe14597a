package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A made-up merged file with every kind of line the runs print.
const sample = `goos: linux
goarch: amd64
pkg: github.com/re2wasm/regexp/bench
cpu: Test CPU
BenchmarkMatch/re=Easy0/size=16/engine=stdlib-2         	 1000	   5.0 ns/op	3200.00 MB/s	0 B/op	0 allocs/op
BenchmarkMatch/re=Easy0/size=16/engine=re2wasm-2        	 1000	 120.0 ns/op	133.33 MB/s	0 B/op	0 allocs/op
BenchmarkMatch/re=Easy0/size=16/engine=go-re2-2         	 1000	 100.0 ns/op	160.00 MB/s	0 B/op	0 allocs/op
BenchmarkMatch/re=Hard/size=1M/engine=stdlib-2          	   10	 20000000 ns/op
BenchmarkMatch/re=Hard/size=1M/engine=re2wasm-2         	  100	    60000 ns/op
BenchmarkMatch/re=Hard/size=1M/engine=go-re2-2          	  100	    30000 ns/op
BenchmarkParallel/op=findall/re=capword/size=32K/engine=re2wasm-interp-2     	--- FAIL: BenchmarkParallel/op=findall/re=capword/size=32K/engine=re2wasm-interp-2
    bench.go:150: panic: boom
BenchmarkStartup/cache=cold/engine=stdlib-2             	 1	 4000000 ns/op	 40000 first-match-ns
BenchmarkStartup/cache=cold/engine=re2wasm-2            	 1	 140000000 ns/op	 130000000 first-match-ns
BenchmarkMemory/patterns=10000/engine=stdlib-2          	 1	 300000000 ns/op	 36000000 heap-B	 -1000 heap-after-free-B	 12000 ns/pattern	 56000000 rss-B	 2000000 rss-after-free-B
BenchmarkMemory/patterns=10000/engine=re2wasm-2         	 1	 900000000 ns/op	 27000000 heap-B	 500000 heap-after-free-B	 90000 ns/pattern	 148000000 rss-B	 100000000 rss-after-free-B
`

func TestParseLine(t *testing.T) {
	r, ok := parseLine("BenchmarkMatch/re=Easy0/size=16/engine=re2wasm-interp-2 \t 1000\t 120.0 ns/op\t 5 B/op")
	if !ok || r.engine != "re2wasm-interp" || r.cas != "Match/re=Easy0/size=16" || r.family != "Match" ||
		r.values["ns/op"] != 120 || r.values["B/op"] != 5 {
		t.Errorf("parseLine = %+v, %v", r, ok)
	}
	for _, bad := range []string{
		"BenchmarkParallel/op=findall/engine=x-2 \t--- FAIL: BenchmarkParallel",
		"BenchmarkMatch/re=Easy0/size=16-2 \t 1000\t 120.0 ns/op", // no engine
		"PASS",
	} {
		if _, ok := parseLine(bad); ok {
			t.Errorf("parseLine(%q) accepted", bad)
		}
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	raw := filepath.Join(dir, "quick-main.txt")
	if err := os.WriteFile(raw, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	merged := filepath.Join(dir, "quick.txt")
	notes, err := merge([]string{raw}, merged)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "panic: boom") {
		t.Errorf("notes = %q", notes)
	}
	d, err := parseFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.engines, ","); got != "stdlib,re2wasm,go-re2" {
		t.Errorf("engines = %s", got)
	}
	if s, ok := d.speedup("Match/re=Hard/size=1M", "stdlib", "re2wasm"); !ok || fmt.Sprintf("%.0f", s) != "333" {
		t.Errorf("speed-up = %v, %v", s, ok)
	}
	sum := buildSummary(d, summaryInfo{preset: "quick", count: 1, benchtime: "100ms", notes: notes,
		failures: scanFailures(raw)})
	for _, want := range []string{
		"re2wasm is slower than stdlib in",
		"Match/re=Easy0/size=16",
		"re2wasm is slower than go-re2 in",
		"Memory/patterns=10000",
		"start-up",
		"FAILED benchmarks",
		"re2wasm below 0.9x go-re2: 2 of 2 cases, worst first",
		"re2wasm below 0.83x stdlib: 2 of 3 cases, worst first",
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
	png := filepath.Join(dir, "speedup.png")
	if err := drawChart(d, png); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{png, filepath.Join(dir, "speedup-families.png")} {
		data, err := os.ReadFile(f)
		if err != nil || len(data) < 1000 || string(data[1:4]) != "PNG" {
			t.Errorf("%s is not a PNG (%d bytes, %v)", f, len(data), err)
		}
	}
}

func TestPlanJobs(t *testing.T) {
	runs := []run{{name: "main"}, {name: "interp", skip: []string{"Memory", "Logs"}}}
	var got []string
	for _, j := range planJobs(runs, "Memory|Logs|Small/op=compile") {
		got = append(got, j.run.name+" "+j.pattern)
	}
	want := []string{
		"main ^BenchmarkLogs$/op=compile", "main ^BenchmarkSmall$/op=compile", "main ^BenchmarkMemory$/op=compile",
		"interp ^BenchmarkSmall$/op=compile",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("planJobs =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTimings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "timings.txt")
	jobs := planJobs([]run{{name: "main"}}, "^Benchmark(Match|Find)$")
	p := newProgress(jobs, map[string]time.Duration{"main Match": 3 * time.Second, "other Redux": time.Second})
	p.took["main Find"] = 2500 * time.Millisecond
	if err := p.writeTimings(file); err != nil {
		t.Fatal(err)
	}
	got := readTimings(file)
	if got["main Match"] != 3*time.Second || got["main Find"] != 2500*time.Millisecond || got["other Redux"] != time.Second {
		t.Errorf("timings read back = %v", got)
	}
}

func TestFmtRatio(t *testing.T) {
	for r, want := range map[float64]string{0.0017: "0.0017x", 0.0123: "0.01x", 0.5: "0.50x", 12.34: "12.3x", 0.000456: "0.00046x"} {
		if got := fmtRatio(r); got != want {
			t.Errorf("fmtRatio(%v) = %s, want %s", r, got, want)
		}
	}
}

// The README's tables are computed from the results and written between
// the markers only, whatever was there before.
func TestReadmeTables(t *testing.T) {
	dir := t.TempDir()
	merged := filepath.Join(dir, "quick.txt")
	if err := os.WriteFile(merged, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := parseFile(merged)
	if err != nil {
		t.Fatal(err)
	}
	md := readmeTables(d, "quick", time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	// Match: Easy0 5/120 and Hard 20000000/60000, geometric mean sqrt(5/120*333.3) = 3.73x
	// (go-re2: sqrt(5/100*666.7) = 5.77x);
	// against go-re2: sqrt(100/120 * 30000/60000) = 0.645x.
	for _, want := range []string{"Latest quick run (2026-12-02", "| family | re2wasm | go-re2 |", "| Match | 3.73x | 5.77x |",
		"| Match | 0.65x |", "| re2wasm | 25.7MiB | 141MiB | 95.4MiB |"} {
		if !strings.Contains(md, want) {
			t.Errorf("tables lack %q:\n%s", want, md)
		}
	}

	readme := filepath.Join(dir, "README.md")
	before := "# Title\n\ntext before\n" + readmeBegin + "\nold tables\n" + readmeEnd + "\ntext after\n"
	if err := os.WriteFile(readme, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateReadme(readme, md); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(readme)
	want := "# Title\n\ntext before\n" + readmeBegin + "\n\n" + md + "\n" + readmeEnd + "\ntext after\n"
	if string(got) != want {
		t.Errorf("README after updateReadme:\n%s\nwant:\n%s", got, want)
	}
	if err := os.WriteFile(readme, []byte("no markers\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := updateReadme(readme, md); err == nil {
		t.Error("updateReadme without markers: no error")
	}
}
