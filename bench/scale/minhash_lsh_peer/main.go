// Command minhash_lsh_peer runs the MinHash LSH library github.com/ekzhu/minhash-lsh (Debian's
// golang-github-ekzhu-minhash-lsh-dev; its author also wrote datasketch) over a JSONL corpus:
// the near-duplicate peer of parallax's scale benchmark. This driver only feeds the library:
// it reads records, splits words (lower-cased letters and digits), and pushes word 3-shingles
// into the library's Minhash (128 hash functions); the library's LSH (bands chosen by the library
// for the threshold) proposes candidates, and a candidate counts when the estimated Jaccard of
// the two signatures reaches the threshold (as parallax verifies). Groups are the connected
// components of verified pairs.
//
// Build (no module download: GOPATH mode over Debian's /usr/share/gocode):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o minhash_lsh_peer .
//
// Usage: minhash_lsh_peer -o groups.json [-threshold 0.5] [-hashes 128] [-shingle 3] CORPUS.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode"

	minhashlsh "github.com/ekzhu/minhash-lsh"
)

type record struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

type result struct {
	Tool      string             `json:"tool"`
	Documents int                `json:"documents"`
	Bands     int                `json:"bands"`
	Rows      int                `json:"rows"`
	Groups    [][]string         `json:"groups"`
	Timings   map[string]float64 `json:"timings"`
}

func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

func signature(text string, hashes, shingle int, seed int64) []uint64 {
	m := minhashlsh.NewMinhash(seed, hashes)
	w := words(text)
	if len(w) == 0 {
		return nil
	}
	width := shingle
	if len(w) < width {
		width = len(w)
	}
	for i := 0; i+width <= len(w); i++ {
		m.Push([]byte(strings.Join(w[i:i+width], " ")))
	}
	return m.Signature()
}

func estimatedJaccard(a, b []uint64) float64 {
	equal := 0
	for i := range a {
		if a[i] == b[i] {
			equal++
		}
	}
	return float64(equal) / float64(len(a))
}

type unionFind []int

func (u unionFind) find(x int) int {
	for u[x] != x {
		u[x] = u[u[x]]
		x = u[x]
	}
	return x
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra < rb {
		u[rb] = ra
	} else if rb < ra {
		u[ra] = rb
	}
}

func main() {
	output := flag.String("o", "", "output JSON file")
	threshold := flag.Float64("threshold", 0.5, "Jaccard threshold for the LSH and the verification")
	hashes := flag.Int("hashes", 128, "hash functions per signature")
	shingle := flag.Int("shingle", 3, "words per shingle")
	flag.Parse()
	if flag.NArg() != 1 || *output == "" {
		fmt.Fprintln(os.Stderr, "usage: minhash_lsh_peer -o OUT.json CORPUS.jsonl")
		os.Exit(2)
	}
	start := time.Now()
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<28)
	var ids []string
	var sigs [][]uint64
	for scanner.Scan() {
		var r record
		if err := json.Unmarshal(scanner.Bytes(), &r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		text := r.Text
		if r.Title != "" {
			text = r.Title + "\n" + text
		}
		ids = append(ids, r.ID)
		sigs = append(sigs, signature(text, *hashes, *shingle, 1))
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	signed := time.Now()

	lsh := minhashlsh.NewMinhashLSH(*hashes, *threshold)
	for i, s := range sigs {
		if s != nil {
			lsh.Add(i, s)
		}
	}
	lsh.Index()
	indexed := time.Now()

	sets := make(unionFind, len(sigs))
	for i := range sets {
		sets[i] = i
	}
	for i, s := range sigs {
		if s == nil {
			continue
		}
		for _, key := range lsh.Query(s) {
			j := key.(int)
			if j > i && estimatedJaccard(s, sigs[j]) >= *threshold {
				sets.union(i, j)
			}
		}
	}
	members := map[int][]string{}
	for i := range sets {
		root := sets.find(i)
		members[root] = append(members[root], ids[i])
	}
	k, l := lsh.Params()
	res := result{Tool: "ekzhu/minhash-lsh", Documents: len(ids), Bands: l, Rows: k, Groups: [][]string{}}
	for _, g := range members {
		if len(g) > 1 {
			res.Groups = append(res.Groups, g)
		}
	}
	done := time.Now()
	res.Timings = map[string]float64{
		"read_and_sign_s": signed.Sub(start).Seconds(),
		"index_s":         indexed.Sub(signed).Seconds(),
		"query_verify_s":  done.Sub(indexed).Seconds(),
		"total_s":         done.Sub(start).Seconds(),
	}
	out, err := os.Create(*output)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer out.Close()
	if err := json.NewEncoder(out).Encode(res); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
