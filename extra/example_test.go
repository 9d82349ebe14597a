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

func ExampleCompileLatin1() {
	// A JPEG's start-of-image marker and an application segment, in
	// binary data: bytes the standard library would read as U+FFFD.
	data := []byte("\x00\x01\xff\xd8\xff\xe1\x00\x16Exif\x00\x00MM")
	re := extra.MustCompileLatin1(`\xff\xd8\xff([\xe0-\xef])`)
	m := re.FindSubmatchIndex(data)
	fmt.Println(m, fmt.Sprintf("APP%d", data[m[2]]-0xe0))
	// Output:
	// [2 6 5 6] APP1
}

func ExampleCompileLatin1_letters() {
	// A byte is a character: é is the byte 0xE9, and case folding is
	// Go's within Latin-1.
	text := []byte("caf\xe9 CAF\xc9 caf\xc3\xa9")
	fmt.Println(extra.MustCompileLatin1(`(?i)café`).FindAllIndex(text, -1))
	// Output:
	// [[0 4] [5 9]]
}

func ExampleCompile() {
	// RE2 may use at most 16 MiB for this regexp; a program that does not
	// fit runs the standard library's matcher instead, with the same
	// answers.
	re := extra.MustCompile(`(?i)\b(?:error|fatal|panic)\b`, extra.MemoryBudget(16<<20))
	fmt.Println(re.FindAllString("INFO ok; ERROR disk; panic: fatal", -1))
	// Output:
	// [ERROR panic fatal]
}
