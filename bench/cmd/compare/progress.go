package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/re2wasm/regexp/bench/harness"
)

// job is one family of one run: one process.
type job struct {
	run     run
	family  string
	pattern string // -test.bench
}

// planJobs lists the jobs of the runs, in order: for each run, each family
// that the -bench pattern selects and the run does not skip. The first
// element of the pattern chooses families (as go test matches it against
// BenchmarkFAMILY); the rest, if any, is kept for the sub-benchmarks.
func planJobs(runs []run, bench string) []job {
	top, rest, hasRest := strings.Cut(bench, "/")
	re, err := regexp.Compile(top)
	if err != nil {
		fatalf("-bench %q: %v", bench, err)
	}
	var jobs []job
	for _, r := range runs {
		for _, fam := range harness.Families() {
			if slices.Contains(r.skip, fam) || !re.MatchString("Benchmark"+fam) {
				continue
			}
			pattern := "^Benchmark" + fam + "$"
			if hasRest {
				pattern += "/" + rest
			}
			jobs = append(jobs, job{run: r, family: fam, pattern: pattern})
		}
	}
	return jobs
}

// progress tells, on stderr, which job runs ("n of N"), how long the jobs
// took the last time, and about how long is left; and, every 30 seconds,
// that a long job is still running.
type progress struct {
	jobs    []job
	last    map[string]time.Duration // run/family → duration in the last run
	took    map[string]time.Duration // this run's
	began   time.Time
	n       int
	cur     job
	t0      time.Time
	mu      sync.Mutex
	results int
	stop    chan struct{}
}

func jobKey(j job) string { return j.run.name + " " + j.family }

func newProgress(jobs []job, last map[string]time.Duration) *progress {
	return &progress{jobs: jobs, last: last, took: map[string]time.Duration{}, began: time.Now()}
}

// estimate is the expected time of a job: the last run's, or else the mean
// of the jobs done so far, or else ten seconds.
func (p *progress) estimate(j job) time.Duration {
	if d, ok := p.last[jobKey(j)]; ok {
		return d
	}
	if len(p.took) > 0 {
		var sum time.Duration
		for _, d := range p.took {
			sum += d
		}
		return sum / time.Duration(len(p.took))
	}
	return 10 * time.Second
}

func (p *progress) left() time.Duration {
	var d time.Duration
	for _, j := range p.jobs[p.n-1:] {
		d += p.estimate(j)
	}
	return d
}

func (p *progress) start(j job, benchtime string) {
	p.n++
	p.cur, p.t0, p.results = j, time.Now(), 0
	est := "no earlier time"
	if d, ok := p.last[jobKey(j)]; ok {
		est = "last time " + round(d).String()
	}
	fmt.Fprintf(os.Stderr, "[%d of %d] %s %s (engines %s, -benchtime %s%s; %s; about %s left)\n",
		p.n, len(p.jobs), j.run.name, j.family, strings.Join(j.run.engines, ","), benchtime,
		envNote(j.run.env), est, round(p.left()))
	p.stop = make(chan struct{})
	go p.tick(p.stop)
}

func envNote(env []string) string {
	if len(env) == 0 {
		return ""
	}
	return ", " + strings.Join(env, " ")
}

func (p *progress) tick(stop chan struct{}) {
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			p.mu.Lock()
			n := p.results
			p.mu.Unlock()
			fmt.Fprintf(os.Stderr, "    ... %s %s: %d results so far, %s\n", p.cur.run.name, p.cur.family, n, round(time.Since(p.t0)))
		}
	}
}

// result counts one benchmark result of the current job.
func (p *progress) result() {
	p.mu.Lock()
	p.results++
	p.mu.Unlock()
}

func (p *progress) done() {
	close(p.stop)
	d := time.Since(p.t0)
	p.took[jobKey(p.cur)] = d
	fmt.Fprintf(os.Stderr, "    %s %s: %d results in %s (%s since the start)\n",
		p.cur.run.name, p.cur.family, p.results, round(d), round(time.Since(p.began)))
}

func round(d time.Duration) time.Duration { return d.Round(time.Second) }

// readTimings reads the durations of the jobs of an earlier run (lines
// "RUN FAMILY SECONDS"); a missing file gives none.
func readTimings(file string) map[string]time.Duration {
	out := map[string]time.Duration{}
	f, err := os.Open(file)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		if s, err := strconv.ParseFloat(fs[2], 64); err == nil {
			out[fs[0]+" "+fs[1]] = time.Duration(s * float64(time.Second))
		}
	}
	return out
}

// writeTimings writes this run's durations, keeping the earlier ones of
// jobs that did not run this time, for the next run's estimates.
func (p *progress) writeTimings(file string) error {
	all := map[string]time.Duration{}
	for k, d := range p.last {
		all[k] = d
	}
	for k, d := range p.took {
		all[k] = d
	}
	var sb strings.Builder
	sb.WriteString("# seconds per family and run of the last comparison (compare's estimates of the time left)\n")
	for _, j := range p.jobs {
		k := jobKey(j)
		if d, ok := all[k]; ok {
			fmt.Fprintf(&sb, "%s %.1f\n", k, d.Seconds())
			delete(all, k)
		}
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&sb, "%s %.1f\n", k, all[k].Seconds())
	}
	return os.WriteFile(file, []byte(sb.String()), 0o644)
}
