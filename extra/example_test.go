package extra_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/re2wasm/regexp"
	"github.com/re2wasm/regexp/extra"
)

func ExampleSet_MatchString() {
	s := extra.MustCompileSet([]string{`\d+`, `[a-z]+@[a-z]+\.com`, `(?i)password`})
	fmt.Println(s.MatchString("mail bob@example.com the PASSWORD"))
	fmt.Println(s.MatchString("nothing here"))
	// Output:
	// [1 2]
	// []
}

func ExampleSet_FindStringIndex() {
	s := extra.MustCompileSet([]string{`b+`, `x`, `a.`})
	for _, m := range s.FindStringIndex("abbba") {
		fmt.Println(m.Pattern, m.Loc)
	}
	// Output:
	// 0 [1 4]
	// 2 [0 2]
}

func ExampleSet_MatchStringAnchored() {
	s := extra.MustCompileSet([]string{`GET`, `POST`, `/admin`})
	fmt.Println(s.MatchStringAnchored("GET /admin HTTP/1.1"))
	// Output:
	// [0]
}

func ExampleCompileSet_error() {
	_, err := extra.CompileSet([]string{`ok`, `a(b`})
	fmt.Println(err)
	// Output:
	// extra: CompileSet: pattern 1: error parsing regexp: missing closing ): `a(b`
}

func ExampleMemoryBudget() {
	// A budget too small for the set's program: the answers are the same,
	// found pattern by pattern, and counted.
	s := extra.MustCompileSet([]string{`\pL{10}`, `\d{4}`}, extra.MemoryBudget(1<<10))
	fmt.Println(s.MatchString("2026 Übersetzung"), s.Stats().Fallbacks)
	// Output:
	// [0 1] 1
}

func ExampleMatchStringContext() {
	re := regexp.MustCompile(`ERROR: \w{1,40}`)
	logs := strings.Repeat("INFO: all is well\n", 200000) + "ERROR: disk full\n"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ok, err := extra.MatchStringContext(ctx, re, logs)
	fmt.Println(ok, err)

	cancel() // a context that is done: the call returns its error
	_, err = extra.MatchStringContext(ctx, re, logs)
	fmt.Println(err)
	// Output:
	// true <nil>
	// context canceled
}

func ExampleFindAllStringIndexContext() {
	re := regexp.MustCompile(`AKIA[0-9A-Z]{16}`)
	text := "key=AKIA0123456789ABCDEF other=AKIAZYXWVUTSRQPONMLK"
	locs, err := extra.FindAllStringIndexContext(context.Background(), re, text, -1)
	fmt.Println(locs, err)
	// Output:
	// [[4 24] [31 51]] <nil>
}
