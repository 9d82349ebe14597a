package harness

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The Startup and Memory families measure a fresh process: the test binary
// runs itself again with BENCH_CHILD set, and Main (called from the test
// binary's TestMain) does the child's work instead of running tests.

const (
	envChild       = "BENCH_CHILD"        // startup or memory
	envChildEngine = "BENCH_CHILD_ENGINE" // engine name
	envChildN      = "BENCH_CHILD_N"      // patterns for memory
	envChildUse    = "BENCH_CHILD_USE"    // "once": memory matches each pattern once
	childMark      = "BENCHCHILD"
)

// Main runs the tests and benchmarks, or the child's work when the binary
// was started by the Startup or Memory family. Call it from TestMain.
func Main(m *testing.M) {
	if kind := os.Getenv(envChild); kind != "" {
		os.Exit(child(kind))
	}
	os.Exit(m.Run())
}

func child(kind string) int {
	start := time.Now()
	name := os.Getenv(envChildEngine)
	e := Lookup(name)
	if e == nil {
		fmt.Fprintf(os.Stderr, "child: no engine %q\n", name)
		return 2
	}
	var res map[string]float64
	var err error
	switch kind {
	case "startup":
		res, err = childStartup(e, start)
	case "memory":
		n, _ := strconv.Atoi(os.Getenv(envChildN))
		res, err = childMemory(e, n, os.Getenv(envChildUse) == "once")
	default:
		err = fmt.Errorf("unknown child kind %q", kind)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "child: %s: %v\n", name, err)
		return 1
	}
	var sb strings.Builder
	sb.WriteString(childMark)
	for k, v := range res {
		fmt.Fprintf(&sb, " %s=%g", k, v)
	}
	fmt.Println(sb.String())
	return 0
}

const startupText = "Please write to jane.doe@example.org before Friday."

func childStartup(e *Engine, start time.Time) (map[string]float64, error) {
	re, err := e.Compile(emailRE)
	if err != nil {
		return nil, err
	}
	if !re.MatchString(startupText) {
		return nil, errors.New("no match")
	}
	return map[string]float64{"first-match-ns": float64(time.Since(start).Nanoseconds())}, nil
}

// memPattern is the i-th of the distinct patterns of the Memory family.
func memPattern(i int) string {
	w := words[i%len(words)]
	return fmt.Sprintf(`(?i)\b%s%d[a-z]*\b|id=%d[0-9a-f]{8}|user-%d@(?:example|corp)\.com`, w, i, i, i%97)
}

// rss returns the resident set size from /proc/self/status, or -1.
func rss() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, err := strconv.ParseFloat(f[0], 64)
				if err == nil {
					return kb * 1024
				}
			}
		}
	}
	return -1
}

func heap() float64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc)
}

// memText is the short text each pattern is matched against once in the
// Memory family's use=once case.
const memText = "login by user-12@example.com from 10.0.4.21, session id=4a7f09c3e1"

// childMemory compiles n distinct patterns, and with useOnce matches each
// once against a short text (which makes engines build what they build on
// first use), then measures the memory they hold, and after dropping them.
func childMemory(e *Engine, n int, useOnce bool) (map[string]float64, error) {
	if n <= 0 {
		return nil, errors.New("no pattern count")
	}
	runtime.GC()
	heap0, rss0 := heap(), rss()

	t0 := time.Now()
	res := make([]Regexp, n)
	for i := range res {
		re, err := e.Compile(memPattern(i))
		if err != nil {
			return nil, err
		}
		if useOnce {
			re.MatchString(memText)
		}
		res[i] = re
	}
	compile := time.Since(t0)
	runtime.GC()
	heap1, rss1 := heap(), rss()
	runtime.KeepAlive(res)
	res = nil

	// Drop them: collect, let finalizers and cleanups run, collect what
	// they released, and return free Go memory to the system so that the
	// resident size shows what the engine itself keeps.
	runtime.GC()
	time.Sleep(100 * time.Millisecond)
	runtime.GC()
	debug.FreeOSMemory()
	time.Sleep(50 * time.Millisecond)
	heap2, rss2 := heap(), rss()

	out := map[string]float64{
		"ns/pattern":        float64(compile.Nanoseconds()) / float64(n),
		"heap-B":            heap1 - heap0,
		"heap-after-free-B": heap2 - heap0,
	}
	if rss0 >= 0 {
		out["rss-B"] = rss1 - rss0
		out["rss-after-free-B"] = rss2 - rss0
	}
	return out, nil
}

// runChild starts the binary again as a child and returns its results.
func runChild(kind string, e *Engine, env ...string) (map[string]float64, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "-test.run=^$", "-test.bench=^$")
	cmd.Env = append(childEnv(), envChild+"="+kind, envChildEngine+"="+e.Name)
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s child: %v: %s", kind, err, strings.TrimSpace(stderr.String()))
	}
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] != childMark {
			continue
		}
		out := map[string]float64{}
		for _, kv := range f[1:] {
			k, v, _ := strings.Cut(kv, "=")
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, fmt.Errorf("%s child: bad value %q", kind, kv)
			}
			out[k] = x
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s child printed no result (does TestMain call harness.Main?): %s", kind, strings.TrimSpace(stdout.String()+stderr.String()))
}

// childEnv is the environment without the variables that choose a cache.
func childEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case envChild, envChildEngine, envChildN, envChildUse, "XDG_CACHE_HOME", "RE2WASM_NO_CACHE":
			continue
		}
		out = append(out, kv)
	}
	return out
}

// firstError keeps the first error of operations.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (f *firstError) set(err error) {
	if err == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err == nil {
		f.err = err
	}
}

func (f *firstError) get() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// averager accumulates child results for Metrics.
type averager struct {
	mu   sync.Mutex
	sum  map[string]float64
	n    int
	last map[string]float64
}

func (a *averager) add(m map[string]float64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.sum == nil {
		a.sum = map[string]float64{}
	}
	for k, v := range m {
		a.sum[k] += v
	}
	a.n++
	a.last = m
}

func (a *averager) mean() map[string]float64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.n == 0 {
		return nil
	}
	out := map[string]float64{}
	for k, v := range a.sum {
		out[k] = v / float64(a.n)
	}
	return out
}

func init() {
	addFamily(Family{Name: "Startup", Cases: func(p Preset) []Case {
		var cs []Case
		for _, cache := range []string{"cold", "warm"} {
			cs = append(cs, Case{
				Name:     "cache=" + cache,
				NoWarmup: true,
				Setup: func(e *Engine) (*Run, error) {
					root, err := os.MkdirTemp("", "bench-startup-")
					if err != nil {
						return nil, err
					}
					warmDir := root + "/warm"
					if cache == "warm" {
						// One untimed run fills the cache.
						if _, err := runChild("startup", e, "XDG_CACHE_HOME="+warmDir); err != nil {
							os.RemoveAll(root)
							return nil, err
						}
					}
					var avg averager
					var errs firstError
					i := 0
					op := func() {
						dir := warmDir
						if cache == "cold" {
							i++
							dir = fmt.Sprintf("%s/cold%d", root, i)
						}
						m, err := runChild("startup", e, "XDG_CACHE_HOME="+dir)
						if err != nil {
							errs.set(err)
							return
						}
						avg.add(m)
					}
					return &Run{
						Op:      op,
						Err:     errs.get,
						Metrics: avg.mean,
						Close:   func() { os.RemoveAll(root) },
					}, nil
				},
			})
		}
		return cs
	}})

	addFamily(Family{Name: "Memory", Cases: func(p Preset) []Case {
		n := p.MemPatterns
		var cs []Case
		// use=none compiles only; use=once also matches each pattern once.
		for _, use := range []string{"", "once"} {
			name := fmt.Sprintf("patterns=%d", n)
			if use != "" {
				name += "/use=" + use
			}
			cs = append(cs, Case{
				Name:     name,
				NoWarmup: true,
				Setup: func(e *Engine) (*Run, error) {
					var avg averager
					var errs firstError
					return &Run{
						Op: func() {
							m, err := runChild("memory", e, fmt.Sprintf("%s=%d", envChildN, n), envChildUse+"="+use)
							if err != nil {
								errs.set(err)
								return
							}
							avg.add(m)
						},
						Err:     errs.get,
						Metrics: avg.mean,
					}, nil
				},
			})
		}
		return cs
	}})
}
