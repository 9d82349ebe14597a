package regexp_test

import (
	"fmt"
	"strings"

	"github.com/re2wasm/regexp"
)

// The only change from the standard library is the import path.
func Example() {
	semver := regexp.MustCompile(`^v(\d+)\.(\d+)\.(\d+)$`)

	for _, tag := range []string{"v1.12.0", "v2.0", "1.3.4", "v10.20.30"} {
		fmt.Println(tag, semver.MatchString(tag))
	}
	// Output:
	// v1.12.0 true
	// v2.0 false
	// 1.3.4 false
	// v10.20.30 true
}

// Errors are the standard library's, word for word.
func ExampleCompile_error() {
	_, err := regexp.Compile(`(unclosed`)
	fmt.Println(err)
	_, err = regexp.Compile(`x**`)
	fmt.Println(err)
	// Output:
	// error parsing regexp: missing closing ): `(unclosed`
	// error parsing regexp: invalid nested repetition operator: `**`
}

func ExampleMatchString() {
	fmt.Println(regexp.MatchString(`^GET /api/`, "GET /api/users HTTP/1.1"))
	fmt.Println(regexp.MatchString(`^GET /api/`, "POST /api/users HTTP/1.1"))
	// Output:
	// true <nil>
	// false <nil>
}

func ExampleQuoteMeta() {
	price := regexp.QuoteMeta("$9.99 (incl. tax)")
	fmt.Println(price)
	fmt.Println(regexp.MustCompile(price).MatchString("now $9.99 (incl. tax)!"))
	// Output:
	// \$9\.99 \(incl\. tax\)
	// true
}

func ExampleRegexp_FindString() {
	re := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	fmt.Printf("%q\n", re.FindString("released 2026-11-25, patched 2026-12-01"))
	fmt.Printf("%q\n", re.FindString("no date here"))
	// Output:
	// "2026-11-25"
	// ""
}

func ExampleRegexp_FindStringIndex() {
	re := regexp.MustCompile(`o+`)
	fmt.Println(re.FindStringIndex("hello wood"))
	fmt.Println(re.FindStringIndex("xyz") == nil)
	// Output:
	// [4 5]
	// true
}

func ExampleRegexp_FindStringSubmatch() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.org(:\d+)?`)
	fmt.Printf("%q\n", re.FindStringSubmatch("write to ops@example.org today"))
	fmt.Printf("%q\n", re.FindStringSubmatch("nothing"))
	// Output:
	// ["ops@example.org" "ops" "example" ""]
	// []
}

func ExampleRegexp_FindAllString() {
	re := regexp.MustCompile(`#\w+`)
	fmt.Println(re.FindAllString("#go #wasm and #re2", -1))
	fmt.Println(re.FindAllString("#go #wasm and #re2", 2))
	fmt.Println(re.FindAllString("no tags", -1) == nil)
	// Output:
	// [#go #wasm #re2]
	// [#go #wasm]
	// true
}

// Empty matches follow the standard library's rule: none right after a
// previous match.
func ExampleRegexp_FindAllStringIndex() {
	re := regexp.MustCompile(`x*`)
	fmt.Println(re.FindAllStringIndex("axxb", -1))
	// Output:
	// [[0 0] [1 3] [4 4]]
}

func ExampleRegexp_FindAllStringSubmatchIndex() {
	re := regexp.MustCompile(`(\w)=(\d*)`)
	fmt.Println(re.FindAllStringSubmatchIndex("a=1 b= c=42", -1))
	// Output:
	// [[0 3 0 1 2 3] [4 6 4 5 6 6] [7 11 7 8 9 11]]
}

func ExampleRegexp_ReplaceAllString() {
	re := regexp.MustCompile(`(?P<user>\w+)@(?P<host>[\w.]+)`)
	fmt.Println(re.ReplaceAllString("alice@example.com", "$host/$user"))
	fmt.Println(re.ReplaceAllString("alice@example.com", "${user}_at_${host}"))
	fmt.Println(re.ReplaceAllString("alice@example.com", "$1x")) // no group "1x"
	fmt.Println(re.ReplaceAllString("alice@example.com", "$$"))
	// Output:
	// example.com/alice
	// alice_at_example.com
	//
	// $
}

func ExampleRegexp_ReplaceAllStringFunc() {
	re := regexp.MustCompile(`\b[a-z]`)
	fmt.Println(re.ReplaceAllStringFunc("the quick brown fox", strings.ToUpper))
	// Output:
	// The Quick Brown Fox
}

func ExampleRegexp_Split() {
	sep := regexp.MustCompile(`\s*[,;]\s*`)
	fmt.Printf("%q\n", sep.Split("red, green;blue ,  cyan", -1))
	fmt.Printf("%q\n", sep.Split("red, green;blue ,  cyan", 2))
	fmt.Printf("%q\n", sep.Split("", -1))
	// Output:
	// ["red" "green" "blue" "cyan"]
	// ["red" "green;blue ,  cyan"]
	// [""]
}

func ExampleRegexp_Expand() {
	log := "level=warn msg=disk\nlevel=error msg=net\n"
	re := regexp.MustCompile(`(?m)^level=(?P<level>\w+) msg=(?P<msg>\w+)$`)
	var out []byte
	for _, m := range re.FindAllStringSubmatchIndex(log, -1) {
		out = re.ExpandString(out, "[$level] $msg\n", log, m)
	}
	fmt.Print(string(out))
	// Output:
	// [warn] disk
	// [error] net
}

func ExampleRegexp_SubexpIndex() {
	re := regexp.MustCompile(`(?P<key>\w+)=(?P<value>\w+)`)
	m := re.FindStringSubmatch("color=blue")
	fmt.Println(re.SubexpNames())
	fmt.Println(m[re.SubexpIndex("value")])
	fmt.Println(re.SubexpIndex("missing"))
	// Output:
	// [ key value]
	// blue
	// -1
}

func ExampleRegexp_Longest() {
	re := regexp.MustCompile(`go|gopher`)
	fmt.Println(re.FindString("gophers"))
	re.Longest()
	fmt.Println(re.FindString("gophers"))
	// Output:
	// go
	// gopher
}

// Invalid UTF-8 reads as U+FFFD, one byte at a time, as in the standard
// library.
func ExampleRegexp_FindAllStringIndex_invalidUTF8() {
	re := regexp.MustCompile(`.`)
	fmt.Println(re.FindAllStringIndex("a\xffé", -1))
	// Output:
	// [[0 1] [1 2] [2 4]]
}
