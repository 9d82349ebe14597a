package extra

import (
	"context"
	"errors"
	"reflect"
	stdregexp "regexp"
	"strings"
	"testing"
	"time"

	"github.com/re2wasm/regexp"
)

// TestContextResults: with a context that is not cancelled, results equal
// the standard library's on texts long enough to be chunked, with matches
// across chunk boundaries, at the end, and none.
func TestContextResults(t *testing.T) {
	filler := strings.Repeat("the quick brown fox jumps over the lazy dog é ", 50000) // 2.4 MB
	texts := []string{"", "short x1y", filler, filler + "zq12", filler + "a" + filler[:1<<20] + "b"}
	patterns := []string{`zq\d+`, `z[a-z]\d{2}`, `a[^z]*b`, `\bdog é\b`, `x1y$`, `^the`, `é zq`, `(?i)LAZY DOG`, `\w{3}q`}
	// Needles across the boundaries of the chunks (1 MiB from the start,
	// where a decoy puts the first place a match could begin), for the
	// patterns of bounded length.
	plain := strings.Repeat("the brown fox jumps over the lay dog é ", 80000)
	var needles []string
	for _, at := range []int{1 << 20, 2 << 20} {
		for d := -4; d <= 1; d++ {
			needles = append(needles, "zq "+plain[:at+d-3]+"zq12"+plain[at+d-3:at+d+1<<19])
		}
	}
	if testing.Short() {
		// wazero's interpreter under the race detector scans about 1 MB/s.
		patterns, texts, needles = patterns[:3], texts[:4], needles[:2]
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for k, p := range patterns {
		re, std := regexp.MustCompile(p), stdregexp.MustCompile(p)
		texts := texts
		if k < 2 {
			texts = append(texts, needles...)
		}
		for i, text := range texts {
			got, err := MatchStringContext(ctx, re, text)
			if want := std.MatchString(text); got != want || err != nil {
				t.Errorf("%q on text %d: MatchStringContext = %v, %v; want %v", p, i, got, err, want)
			}
			loc, err := FindIndexContext(ctx, re, []byte(text))
			if want := std.FindStringIndex(text); !reflect.DeepEqual(loc, want) || err != nil {
				t.Errorf("%q on text %d: FindIndexContext = %v, %v; want %v", p, i, loc, err, want)
			}
			for _, n := range []int{-1, 2} {
				all, err := FindAllStringIndexContext(ctx, re, text, n)
				if want := std.FindAllStringIndex(text, n); !reflect.DeepEqual(all, want) || err != nil {
					t.Errorf("%q on text %d: FindAllStringIndexContext(%d) = %d matches %.100v, %v; want %d %.100v", p, i, n, len(all), all, err, len(want), want)
				}
			}
		}
	}
}

// TestContextCancel: a context cancelled while 512 MiB are searched ends
// the call well before a full search would, and the engine stays usable.
func TestContextCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 512 MiB")
	}
	const period = "abcdefghijklmnopqrstuvwxyz0123456789 "
	text := []byte(strings.Repeat(period, 512<<20/len(period)))
	re := regexp.MustCompile(`[a-z]{3}[0-9]{4}[a-z]`) // bounded, no required string, no match
	start := time.Now()
	if ok, err := MatchContext(context.Background(), re, text); ok || err != nil {
		t.Fatalf("full scan: %v, %v", ok, err)
	}
	full := time.Since(start)
	unbounded := regexp.MustCompile(`[a-z]+[0-9]{11}`) // no match either
	set := MustCompileSet([]string{`[a-z]{3}[0-9]{4}[a-z]`, `[a-z]+[0-9]{11}`, `z[0-9]+[a-z]`})
	// sparse matches once every 48 KiB: each of FindAll's searches is
	// shorter than the stretch after which RE2's loops look at the
	// context, so only its loop over the matches can see it end.
	sparse := regexp.MustCompile(`[Q-R][a-z]`)
	latin1 := MustCompileLatin1(`[a-z]{3}[0-9]{4}[\x80-\xff]`)
	for _, name := range []string{"Match", "FindIndex", "FindAllIndex", "FindAllIndex unbounded",
		"FindAllIndex sparse", "Match unbounded", "FindIndex unbounded", "Set.Match", "Set.Match one by one",
		"Latin1.Match", "Latin1.FindAllIndex"} {
		wait := full / 10 // mostly during the copy into wasm memory
		if name == "FindAllIndex sparse" {
			for i := 0; i < len(text); i += 48 << 10 {
				text[i] = 'Q'
			}
			wait = full / 2 // during the search
		}
		ctx, cancel := context.WithCancel(context.Background())
		var cancelled time.Time
		go func() {
			time.Sleep(wait)
			cancelled = time.Now()
			cancel()
		}()
		var err error
		switch name {
		case "Match":
			_, err = MatchContext(ctx, re, text)
		case "FindIndex":
			_, err = FindIndexContext(ctx, re, text)
		case "FindAllIndex":
			_, err = FindAllIndexContext(ctx, re, text, -1)
		case "FindAllIndex unbounded":
			_, err = FindAllIndexContext(ctx, regexp.MustCompile(`[a-z]+\d`), text, -1)
		case "FindAllIndex sparse":
			_, err = FindAllIndexContext(ctx, sparse, text, -1)
			for i := 0; i < len(text); i += 48 << 10 {
				text[i] = period[i%len(period)]
			}
		case "Match unbounded":
			_, err = MatchContext(ctx, unbounded, text)
		case "FindIndex unbounded":
			_, err = FindIndexContext(ctx, unbounded, text)
		case "Set.Match":
			forceWay = "set"
			_, err = set.MatchContext(ctx, text)
		case "Set.Match one by one":
			forceWay = "alone"
			_, err = set.MatchContext(ctx, text)
		case "Latin1.Match":
			_, err = latin1.MatchContext(ctx, text)
		case "Latin1.FindAllIndex":
			_, err = latin1.FindAllIndexContext(ctx, text, -1)
		default:
			t.Fatalf("no case %s", name)
		}
		forceWay = ""
		latency := time.Since(cancelled)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: err = %v, want context.Canceled", name, err)
		}
		t.Logf("%s: full scan of 512 MiB %v, returned %v after cancel", name, full, latency)
		// The scan had half of its work left, or more: a call that
		// missed the end of its context takes most of that.
		if latency > full/4 {
			t.Errorf("%s returned %v after cancel, with a full scan %v", name, latency, full)
		}
	}
	if loc := re.FindIndex(append(text[:1000:1000], "abc1234x"...)); !reflect.DeepEqual(loc, []int{1000, 1008}) {
		t.Errorf("after cancelled calls: %v", loc)
	}
	// An already cancelled context returns at once.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MatchContext(ctx, re, text); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before the call: %v", err)
	}
	for _, p := range []string{`[a-z]{3}[0-9]{4}[\x80-\xff]`, `\xff\xfe`} {
		re := MustCompileLatin1(p)
		if _, err := re.MatchContext(ctx, text); !errors.Is(err, context.Canceled) {
			t.Errorf("Latin1 %#q cancelled before the call: %v", p, err)
		}
		if _, err := re.FindAllIndexContext(ctx, text, -1); !errors.Is(err, context.Canceled) {
			t.Errorf("Latin1 %#q cancelled before FindAll: %v", p, err)
		}
	}
}

// BenchmarkContext compares a search of 16 MiB without a context and
// with one that could be cancelled but is not (the chunks' cost).
func BenchmarkContext(b *testing.B) {
	text := []byte(strings.Repeat("abcdefghijklmnopqrstuvwxyz0123456789 ", 16<<20/37))
	for _, p := range []string{`[a-z]{3}[0-9]{4}[a-z]`, `[a-z]+[0-9]{11}`} {
		re := regexp.MustCompile(p)
		ctx, cancel := context.WithCancel(context.Background())
		b.Run(p+"/Match", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				re.Match(text)
			}
		})
		b.Run(p+"/MatchContext", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				MatchContext(ctx, re, text)
			}
		})
		b.Run(p+"/FindIndex", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				re.FindIndex(text)
			}
		})
		b.Run(p+"/FindIndexContext", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				FindIndexContext(ctx, re, text)
			}
		})
		cancel()
	}
}
