package harness

import (
	"strings"
	"testing"
)

func TestCRSPatterns(t *testing.T) {
	set, err := CRS()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rule files, %d @rx operators, %d duplicates, %d distinct patterns kept", set.Files, set.Found, set.Duplicates, len(set.Patterns))
	for reason, n := range set.Skipped {
		t.Logf("skipped %d: %s", n, reason)
	}
	if len(set.Patterns) < 100 {
		t.Errorf("only %d patterns", len(set.Patterns))
	}
}

func TestRxOperators(t *testing.T) {
	conf := "SecRule ARGS \"@rx a\\\"b\" \\\n    \"id:1,\\\n    chain\"\n" +
		"    SecRule REQUEST_LINE \"!@rx ^x$\" \"t:none\"\n" +
		"SecRule ARGS \"@pm foo bar\" \"id:2\"\n" +
		"# SecRule ARGS \"@rx commented\" \"id:3\"\n"
	got := rxOperators(conf)
	want := []string{`a\"b`, `^x$`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rxOperators = %q, want %q", got, want)
	}
}

func TestFasta(t *testing.T) {
	const n = 50_000
	out, err := RegexRedux(reference, Fasta(n))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("regex-redux on fasta %d:\n%s", n, out)
	// The output published with the game for its 50,000 input.
	want := `agggtaaa|tttaccct 3
[cgt]gggtaaa|tttaccc[acg] 12
a[act]ggtaaa|tttacc[agt]t 43
ag[act]gtaaa|tttac[agt]ct 27
agg[act]taaa|ttta[agt]cct 58
aggg[acg]aaa|ttt[cgt]ccct 16
agggt[cgt]aa|tt[acg]accct 15
agggta[cgt]a|t[acg]taccct 18
agggtaa[cgt]|[acg]ttaccct 20

508411
500000
273927
`
	if out != want {
		t.Errorf("regex-redux output differs from the game's; want:\n%s", want)
	}
}

func TestBodies(t *testing.T) {
	for _, n := range []int{16, 1000, 10_000} {
		if b := crsBody(n); len(b) != n {
			t.Errorf("crsBody(%d) has %d bytes", n, len(b))
		}
	}
	set, err := CRS()
	if err != nil {
		t.Fatal(err)
	}
	ce, err := compileCRS(reference)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{16, 1000, 10_000, 100_000} {
		body := string(crsBody(n))
		hits := 0
		for _, re := range ce.res {
			if re.MatchString(body) {
				hits++
			}
		}
		t.Logf("%d of %d patterns match the %d-byte body", hits, len(set.Patterns), n)
	}
	t.Logf("16 B body: %s", crsBody(16))
	t.Logf("1 KB body: %s", crsBody(1000))
}
