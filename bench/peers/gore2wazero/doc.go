// Package gore2wazero benchmarks github.com/wasilibs/go-re2 v1.12.0 with
// its re2_wazero build tag. Without that tag no engine is registered and
// the tests skip.
package gore2wazero
