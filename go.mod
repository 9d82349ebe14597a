module github.com/re2wasm/regexp

go 1.25
