package gore2wazero

import (
	"testing"

	"github.com/re2wasm/regexp/bench/harness"
)

// TestMain lets the Startup and Memory families run this binary again as a
// fresh process.
func TestMain(m *testing.M) { harness.Main(m) }

// TestSuites runs every case of every family once on tiny inputs, with
// every engine linked in, and checks results against the standard library.
func TestSuites(t *testing.T) { harness.Smoke(t) }

func BenchmarkMatch(b *testing.B)           { harness.Bench(b, "Match") }
func BenchmarkFind(b *testing.B)            { harness.Bench(b, "Find") }
func BenchmarkFindAll(b *testing.B)         { harness.Bench(b, "FindAll") }
func BenchmarkSubmatch(b *testing.B)        { harness.Bench(b, "Submatch") }
func BenchmarkReplaceAll(b *testing.B)      { harness.Bench(b, "ReplaceAll") }
func BenchmarkLiteral(b *testing.B)         { harness.Bench(b, "Literal") }
func BenchmarkAnchoredLiteral(b *testing.B) { harness.Bench(b, "AnchoredLiteral") }
func BenchmarkOnePass(b *testing.B)         { harness.Bench(b, "OnePass") }
func BenchmarkCompile(b *testing.B)         { harness.Bench(b, "Compile") }
func BenchmarkParallel(b *testing.B)        { harness.Bench(b, "Parallel") }
func BenchmarkCRS(b *testing.B)             { harness.Bench(b, "CRS") }
func BenchmarkSet(b *testing.B)             { harness.Bench(b, "Set") }
func BenchmarkRedux(b *testing.B)           { harness.Bench(b, "Redux") }
func BenchmarkLogs(b *testing.B)            { harness.Bench(b, "Logs") }
func BenchmarkDictionary(b *testing.B)      { harness.Bench(b, "Dictionary") }
func BenchmarkUnicode(b *testing.B)         { harness.Bench(b, "Unicode") }
func BenchmarkCurated(b *testing.B)         { harness.Bench(b, "Curated") }
func BenchmarkSmall(b *testing.B)           { harness.Bench(b, "Small") }
func BenchmarkEarly(b *testing.B)           { harness.Bench(b, "Early") }
func BenchmarkStartup(b *testing.B)         { harness.Bench(b, "Startup") }
func BenchmarkMemory(b *testing.B)          { harness.Bench(b, "Memory") }
