package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// The README's benchmark tables sit between these markers; -readme
// rewrites what is between them, so that no figure is copied by hand.
const (
	readmeBegin = "<!-- bench tables: written by bench/cmd/compare -readme; do not edit -->"
	readmeEnd   = "<!-- end of bench tables -->"
)

// readmeTables are the summary's speed-up and memory tables in Markdown,
// with the run they come from.
func readmeTables(d *data, preset string, when time.Time) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("Latest %s run (%s, %d cores, %s, %s %s/%s; one sample per case unless `bench-full`: differences under 10%% are noise).\n",
		preset, when.Format("2006-01-02"), runtime.NumCPU(), d.cpu, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, base := range []string{"stdlib", "go-re2"} {
		others := comparedWith(d, base)
		if len(others) == 0 {
			continue
		}
		p("\nSpeed-up against %s, geometric mean per family (above 1x: faster than %s):\n\n", base, base)
		p("| family | %s |\n|---%s|\n", strings.Join(others, " | "), strings.Repeat("|---", len(others)))
		for _, row := range familyRows(d) {
			name := row.name
			if strings.HasPrefix(name, "all") {
				name = "**" + name + "**"
			}
			p("| %s |", name)
			for _, e := range others {
				p(" %s |", fmtRatio(d.geomeanOver(row.cases, base, e)))
			}
			p("\n")
		}
	}
	for _, c := range d.cases {
		if d.family[c] != "Memory" {
			continue
		}
		p("\n%s, growth over a fresh process (medians):\n\n", strings.TrimPrefix(c, "Memory/"))
		p("| engine | Go heap | resident | resident after dropping |\n|---|---|---|---|\n")
		for _, e := range d.engines {
			h, ok := d.med(c, e, "heap-B")
			if !ok {
				continue
			}
			r, _ := d.med(c, e, "rss-B")
			rf, _ := d.med(c, e, "rss-after-free-B")
			p("| %s | %s | %s | %s |\n", e, fmtBytes(h), fmtBytes(r), fmtBytes(rf))
		}
	}
	return b.String()
}

// comparedWith are the engines a table against base has: every other one,
// and not the standard library in tables against a peer.
func comparedWith(d *data, base string) []string {
	if !slices.Contains(d.engines, base) {
		return nil
	}
	var others []string
	for _, e := range d.engines {
		if e != base && (base == "stdlib" || e != "stdlib") {
			others = append(others, e)
		}
	}
	return others
}

// updateReadme replaces what lies between the markers in file by tables.
func updateReadme(file, tables string) error {
	old, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	i := bytes.Index(old, []byte(readmeBegin))
	j := bytes.Index(old, []byte(readmeEnd))
	if i < 0 || j < i {
		return fmt.Errorf("%s: no %q ... %q block to write the tables in", file, readmeBegin, readmeEnd)
	}
	var b bytes.Buffer
	b.Write(old[:i+len(readmeBegin)])
	b.WriteString("\n\n" + tables + "\n")
	b.Write(old[j:])
	return os.WriteFile(file, b.Bytes(), 0o644)
}
