// alloc.cc: the allocator of re2.wasm (malloc, free and the rest), in place
// of wasi-libc's dlmalloc.
//
// Why our own: dlmalloc as wasi-libc builds it never gives memory back (it
// cannot trim, and it cannot say where its free chunks are), so every page
// RE2 ever touched stayed resident: 97 MiB more than at the start after
// 10,000 patterns were compiled and dropped. Here free memory is kept as runs of whole
// pages that the host can give back to the operating system, and small
// objects are grouped by size into runs of their own, so that a run whose
// objects are all freed becomes free pages again.
//
// Layout. The heap grows from __heap_base in pages of 4 KiB (the smallest
// page size of the hosts; the host rounds inward where its pages are
// larger). A span is a run of pages with one descriptor: free, a run of
// small objects of one size class, or one large allocation. A page map
// finds the span of a page: every page of a small run, and the
// first and last page of any other span, so that a freed span finds its
// neighbours and merges with them.
//
// Giving pages back. The allocator cannot ask the operating system for
// anything; the host does it, in three steps, so that no lock is held
// while it makes system calls: re2w_trim_begin takes free spans whose pages
// may be resident out of the free lists and lists them; the host discards
// their pages (madvise(MADV_DONTNEED)); re2w_trim_end puts them back as free
// spans whose pages read as zero and are not resident. The host decides
// when, from re2w_heap_stats, which says how many free bytes may be
// resident. Allocation prefers free spans whose pages may be resident.
//
// Every entry point takes the heap lock: all wasm instances share this heap.

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/held.h"

extern "C" unsigned char __heap_base;

namespace {

// Lock is a mutex on wasm atomics: 0 free, 1 held, 2 held with waiters.
struct Lock {
  int32_t state = 0;

  void Acquire() {
    int32_t s = 0;
    if (!__atomic_compare_exchange_n(&state, &s, 1, false, __ATOMIC_SEQ_CST,
                                     __ATOMIC_SEQ_CST)) {
      if (s != 2) s = __atomic_exchange_n(&state, 2, __ATOMIC_SEQ_CST);
      while (s != 0) {
        re2w::WaitWhile(&state, 2);
        s = __atomic_exchange_n(&state, 2, __ATOMIC_SEQ_CST);
      }
    }
    re2w::CountHeld(1);
  }

  void Release() {
    re2w::CountHeld(-1);
    if (__atomic_exchange_n(&state, 0, __ATOMIC_SEQ_CST) == 2)
      __builtin_wasm_memory_atomic_notify(&state, 1);
  }
};

Lock heap_lock;

struct HeapGuard {
  HeapGuard() { heap_lock.Acquire(); }
  ~HeapGuard() { heap_lock.Release(); }
};

constexpr uint32_t kPageShift = 12;
constexpr uint32_t kPageSize = 1u << kPageShift;
constexpr uint32_t kWasmPage = 65536;
// The heap stays one wasm page short of 4 GiB: a pointer of 2^32 is 0.
constexpr uint64_t kHeapLimit = (uint64_t(1) << 32) - kWasmPage;
// Pages taken from the top of the heap at least at a time.
constexpr uint32_t kGrowPages = 16;

// Size classes: multiples of 8 up to 64, then four per doubling up to
// kMaxSmall. A small run holds objects of one class; it is as many pages
// as it takes to hold a few objects with less than 1/8 left over.
constexpr int kNumClasses = 40;
constexpr uint32_t kMaxSmall = 16384;

struct Classes {
  uint16_t size[kNumClasses];
  uint16_t pages[kNumClasses];
  uint16_t count[kNumClasses];      // objects per run
  uint8_t index[kMaxSmall / 8 + 1];  // class of a request, by (n + 7) / 8

  constexpr Classes() : size(), pages(), count(), index() {
    int c = 0;
    for (uint32_t s = 8; s <= 64; s += 8) size[c++] = s;
    for (uint32_t base = 64; base < kMaxSmall; base *= 2)
      for (uint32_t k = 5; k <= 8; k++) size[c++] = base * k / 4;
    for (c = 0; c < kNumClasses; c++) {
      uint32_t s = size[c];
      uint32_t want = 32768 / s;
      if (want < 2) want = 2;
      if (want > 8) want = 8;
      uint32_t p = 1;
      for (;; p++) {
        uint32_t bytes = p * kPageSize, n = bytes / s;
        if (n >= want && (bytes - n * s) * 8 <= bytes) break;
      }
      pages[c] = p;
      count[c] = p * kPageSize / s;
    }
    c = 0;
    for (uint32_t i = 0; i <= kMaxSmall / 8; i++) {
      while (size[c] < i * 8) c++;
      index[i] = c;
    }
  }
};

constexpr Classes kClasses;
static_assert(kClasses.size[kNumClasses - 1] == kMaxSmall, "size classes");

enum State : uint8_t {
  kFree = 1,  // in a free list
  kTrimming,  // free, out of the free lists while the host discards it
  kSmall,     // a run of small objects
  kLarge,     // one allocation
};

struct Span {
  uint32_t start;   // first page
  uint32_t npages;  // pages
  Span* next;       // ring of the free list or the class's partial runs
  Span* prev;
  void* free_objs;  // small: freed objects, linked through their first word
  uint16_t used;    // small: objects handed out
  uint16_t fresh;   // small: objects from here on were never handed out
  uint8_t cls;      // small: size class
  uint8_t state;
  uint8_t resident;  // free: its pages may be resident (not discarded since)
};

// The page map: the span of each page, indexed by page number, for all of
// wasm32's 4 GiB. It is the first 4 MiB of the heap's address space; only
// its pages that hold entries in use are ever touched.
constexpr uint32_t kMapEntries = 1u << (32 - kPageShift);
Span** page_map = nullptr;

// Free spans: bins[n] holds spans of n pages (n < kBins), bins[0] larger
// ones. Each bin is a ring, resident spans first; nonempty has a bit per
// bin.
constexpr uint32_t kBins = 256;
Span* bins[kBins];
uint32_t nonempty[kBins / 32];

// Runs of each class that have a free object.
Span* partial[kNumClasses];

uint32_t heap_start = 0;  // first page; 0 until the first allocation
uint32_t heap_break = 0;  // address of the end of the heap

// Descriptors are carved from chunks of metadata pages (from the top of the
// heap, or once it is full from a free span) and never given back; freed
// ones are reused.
constexpr uint32_t kMetaPages = 4;
uintptr_t meta_next = 0, meta_end = 0;
Span* spare_spans = nullptr;

struct HeapStats {
  uint32_t in_use;         // bytes handed out (usable sizes)
  uint32_t free_resident;  // bytes of free spans whose pages may be resident
  uint32_t free_returned;  // bytes of free spans whose pages were discarded
  uint32_t top;            // end of the heap
  uint32_t trims;          // spans discarded so far
};
HeapStats stats;

// Growing. The host grows the memory to the whole reservation at start-up,
// so that no instance sees it grow under it; the memory itself grows here
// only when the host did not do it yet.
bool Bump(uint32_t pages) {
  uint64_t end = uint64_t(heap_break) + uint64_t(pages) * kPageSize;
  if (end > kHeapLimit) return false;
  uint64_t size = uint64_t(__builtin_wasm_memory_size(0)) * kWasmPage;
  if (end > size) {
    uint64_t more = (end - size + kWasmPage - 1) / kWasmPage;
    if (__builtin_wasm_memory_grow(0, more) == SIZE_MAX) return false;
  }
  heap_break = static_cast<uint32_t>(end);
  stats.top = heap_break;
  return true;
}

// Grow takes pages from the top of the heap and sets *first to the first
// of them. The first call lays out the page map.
bool Grow(uint32_t pages, uint32_t* first) {
  if (page_map == nullptr) {
    uintptr_t base = reinterpret_cast<uintptr_t>(&__heap_base);
    heap_break = (base + kPageSize - 1) & ~uintptr_t(kPageSize - 1);
    uint32_t map_start = heap_break;
    if (!Bump(kMapEntries * sizeof(Span*) / kPageSize)) return false;
    page_map = reinterpret_cast<Span**>(map_start);  // fresh memory: all null
    heap_start = heap_break >> kPageShift;
  }
  *first = heap_break >> kPageShift;
  return Bump(pages);
}

Span* MapGet(uint32_t page) { return page_map[page]; }

void MapSet(uint32_t page, Span* s) { page_map[page] = s; }

void MapEnds(Span* s) {
  MapSet(s->start, s);
  MapSet(s->start + s->npages - 1, s);
}

void DeleteSpan(Span* s) {
  s->state = 0;
  s->next = spare_spans;
  spare_spans = s;
}

// Rings: head is the first element; head->prev the last.
void RingPushFront(Span** head, Span* s) {
  Span* h = *head;
  if (h == nullptr) {
    s->next = s->prev = s;
  } else {
    s->next = h;
    s->prev = h->prev;
    h->prev->next = s;
    h->prev = s;
  }
  *head = s;
}

void RingPushBack(Span** head, Span* s) {
  RingPushFront(head, s);
  *head = s->next;
}

void RingRemove(Span** head, Span* s) {
  if (s->next == s) {
    *head = nullptr;
  } else {
    s->prev->next = s->next;
    s->next->prev = s->prev;
    if (*head == s) *head = s->next;
  }
  s->next = s->prev = nullptr;
}

uint32_t BinOf(uint32_t npages) { return npages < kBins ? npages : 0; }

void CountFree(Span* s, int sign) {
  uint32_t bytes = s->npages * kPageSize;
  uint32_t& counter = s->resident ? stats.free_resident : stats.free_returned;
  counter += sign > 0 ? bytes : -bytes;
}

// InsertFree files a free span (state kFree) and maps its ends.
void InsertFree(Span* s) {
  uint32_t b = BinOf(s->npages);
  s->state = kFree;
  if (s->resident) {
    RingPushFront(&bins[b], s);
  } else {
    RingPushBack(&bins[b], s);
  }
  nonempty[b / 32] |= 1u << (b % 32);
  CountFree(s, 1);
  MapEnds(s);
}

void RemoveFree(Span* s) {
  uint32_t b = BinOf(s->npages);
  RingRemove(&bins[b], s);
  if (bins[b] == nullptr) nonempty[b / 32] &= ~(1u << (b % 32));
  CountFree(s, -1);
}

// Mergeable is whether a neighbour of a free span can merge with it: free,
// and either both may be resident or neither (so that the counts stay
// exact), unless force.
bool Mergeable(Span* n, Span* s, bool force) {
  return n != nullptr && n->state == kFree &&
         (force || n->resident == s->resident);
}

// Release returns the pages of s (no longer filed anywhere) to the free
// lists, merged with free neighbours.
void Release(Span* s, bool force = false) {
  s->state = kFree;
  if (s->start > heap_start) {
    Span* left = MapGet(s->start - 1);
    if (Mergeable(left, s, force)) {
      RemoveFree(left);
      s->start = left->start;
      s->npages += left->npages;
      s->resident |= left->resident;
      DeleteSpan(left);
    }
  }
  if (uint64_t(s->start + s->npages) << kPageShift < heap_break) {
    Span* right = MapGet(s->start + s->npages);
    if (Mergeable(right, s, force)) {
      RemoveFree(right);
      s->npages += right->npages;
      s->resident |= right->resident;
      DeleteSpan(right);
    }
  }
  InsertFree(s);
}

// FindFree is the smallest free span of at least n pages, resident ones
// first among equals, or null.
Span* FindFree(uint32_t n) {
  if (n < kBins) {
    for (uint32_t w = n / 32; w < kBins / 32; w++) {
      uint32_t bits = nonempty[w];
      if (w == n / 32) bits &= ~0u << (n % 32);
      if (bits != 0) return bins[w * 32 + __builtin_ctz(bits)];
    }
  }
  Span* best = nullptr;
  if (Span* h = bins[0]) {
    Span* s = h;
    do {
      if (s->npages >= n &&
          (best == nullptr || s->npages < best->npages ||
           (s->npages == best->npages && s->resident && !best->resident)))
        best = s;
      s = s->next;
    } while (s != h);
  }
  return best;
}

// MoreMeta takes a new chunk of metadata pages: from the top of the heap,
// or, once it is full, the first page of a free span.
bool MoreMeta() {
  uint32_t first;
  if (Grow(kMetaPages, &first)) {
    meta_next = uintptr_t(first) << kPageShift;
    meta_end = meta_next + kMetaPages * kPageSize;
    return true;
  }
  Span* s = FindFree(1);
  if (s == nullptr) return false;
  RemoveFree(s);
  meta_next = uintptr_t(s->start) << kPageShift;
  meta_end = meta_next + kPageSize;
  MapSet(s->start, nullptr);  // no longer the end of a span
  s->start++;
  s->npages--;
  if (s->npages > 0) {
    InsertFree(s);
  } else {
    DeleteSpan(s);
  }
  return true;
}

// NewSpan returns a zeroed descriptor, or null when memory is exhausted.
// It may take a page from a free span, so callers call it before they
// take a span out of the free lists.
Span* NewSpan() {
  Span* s = spare_spans;
  if (s != nullptr) {
    spare_spans = s->next;
  } else {
    if (meta_end - meta_next < sizeof(Span) && !MoreMeta()) return nullptr;
    s = reinterpret_cast<Span*>(meta_next);
    meta_next += sizeof(Span);
  }
  memset(s, 0, sizeof(Span));
  return s;
}

// TopFree is the free span that ends at the top of the heap, or null.
Span* TopFree() {
  if (heap_start == 0 || (heap_break >> kPageShift) == heap_start) return nullptr;
  Span* s = MapGet((heap_break >> kPageShift) - 1);
  return s != nullptr && s->state == kFree ? s : nullptr;
}

// MergeAll merges every pair of adjacent free spans, resident or not: the
// last resort before an allocation fails.
void MergeAll() {
  for (uint32_t b = 0; b < kBins; b++) {
    bool again = true;
    while (again && bins[b] != nullptr) {
      again = false;
      Span* s = bins[b];
      do {
        Span* next = s->next;
        Span* left = s->start > heap_start ? MapGet(s->start - 1) : nullptr;
        Span* right = (uint64_t(s->start + s->npages) << kPageShift) < heap_break
                          ? MapGet(s->start + s->npages)
                          : nullptr;
        if (Mergeable(left, s, true) || Mergeable(right, s, true)) {
          RemoveFree(s);
          Release(s, true);
          again = true;  // the ring changed under us
          break;
        }
        s = next;
      } while (s != bins[b]);
    }
  }
}

// TakePages returns a span of exactly n pages, not filed anywhere and not
// mapped (but for its ends if it was free at that size), or null when the
// heap is full.
Span* TakePages(uint32_t n) {
  // The descriptor a split or a growth may need, taken first (NewSpan may
  // take a page from a free span).
  Span* spare = NewSpan();
  if (spare == nullptr) return nullptr;
  Span* s = FindFree(n);
  // Grow, extending the free span at the top of the heap if there is one;
  // a second time by n pages if metadata came in between.
  for (int tries = 0; s == nullptr && tries < 2; tries++) {
    Span* top = TopFree();
    uint32_t have = top != nullptr && tries == 0 ? top->npages : 0;
    uint32_t more = n - have;
    if (more < kGrowPages) more = kGrowPages;
    uint32_t first;
    if (!Grow(more, &first)) break;
    if (top != nullptr && top->start + top->npages == first) {
      RemoveFree(top);
      top->npages += more;
      s = top;
    } else {
      s = spare != nullptr ? spare : NewSpan();
      spare = nullptr;
      if (s == nullptr) break;  // the pages are lost
      s->start = first;
      s->npages = more;
    }
    InsertFree(s);
    if (s->npages < n) s = nullptr;
  }
  if (s == nullptr) {
    MergeAll();
    s = FindFree(n);
    if (s == nullptr) {
      if (spare != nullptr) DeleteSpan(spare);
      return nullptr;
    }
  }
  RemoveFree(s);
  if (s->npages > n) {
    // Split: the remainder stays free.
    Span* rest = spare != nullptr ? spare : NewSpan();
    spare = nullptr;
    if (rest == nullptr) {
      InsertFree(s);
      return nullptr;
    }
    rest->start = s->start + n;
    rest->npages = s->npages - n;
    rest->resident = s->resident;
    s->npages = n;
    InsertFree(rest);
  }
  if (spare != nullptr) DeleteSpan(spare);
  s->state = 0;  // resident still says whether its pages may be resident
  s->next = s->prev = nullptr;
  return s;
}

void* AllocLarge(size_t n) {
  if (n > kHeapLimit) return nullptr;
  uint32_t pages = static_cast<uint32_t>((uint64_t(n) + kPageSize - 1) >> kPageShift);
  Span* s = TakePages(pages);
  if (s == nullptr) return nullptr;
  s->state = kLarge;
  MapEnds(s);
  stats.in_use += pages * kPageSize;
  return reinterpret_cast<void*>(uintptr_t(s->start) << kPageShift);
}

void* AllocSmall(uint32_t cls) {
  Span* s = partial[cls];
  uint32_t size = kClasses.size[cls];
  if (s == nullptr) {
    uint32_t pages = kClasses.pages[cls];
    s = TakePages(pages);
    if (s == nullptr) return nullptr;
    s->state = kSmall;
    s->cls = cls;
    for (uint32_t p = 0; p < pages; p++) MapSet(s->start + p, s);
    RingPushFront(&partial[cls], s);
  }
  void* obj = s->free_objs;
  if (obj != nullptr) {
    s->free_objs = *static_cast<void**>(obj);
  } else {
    obj = reinterpret_cast<void*>((uintptr_t(s->start) << kPageShift) + uintptr_t(s->fresh) * size);
    s->fresh++;
  }
  s->used++;
  if (s->used == kClasses.count[cls]) RingRemove(&partial[cls], s);
  stats.in_use += size;
  return obj;
}

void* Alloc(size_t n) {
  if (n <= kMaxSmall) return AllocSmall(kClasses.index[(n + 7) >> 3]);
  return AllocLarge(n);
}

Span* SpanOf(void* p) {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  if (a < (uintptr_t(heap_start) << kPageShift) || a >= heap_break) __builtin_trap();
  Span* s = MapGet(a >> kPageShift);
  if (s == nullptr) __builtin_trap();
  return s;
}

size_t UsableSize(void* p) {
  Span* s = SpanOf(p);
  if (s->state == kSmall) return kClasses.size[s->cls];
  if (s->state == kLarge) return size_t(s->npages) * kPageSize;
  __builtin_trap();  // not an allocation
}

void Free(void* p) {
  Span* s = SpanOf(p);
  if (s->state == kLarge) {
    if (reinterpret_cast<uintptr_t>(p) != uintptr_t(s->start) << kPageShift) __builtin_trap();
    stats.in_use -= s->npages * kPageSize;
    s->resident = 1;
    Release(s);
    return;
  }
  if (s->state != kSmall) __builtin_trap();  // freed twice, or never allocated
  uint32_t cls = s->cls;
  if (s->used == kClasses.count[cls]) RingPushFront(&partial[cls], s);
  *static_cast<void**>(p) = s->free_objs;
  s->free_objs = p;
  s->used--;
  stats.in_use -= kClasses.size[cls];
  if (s->used == 0) {
    RingRemove(&partial[cls], s);
    s->free_objs = nullptr;
    s->fresh = 0;
    s->resident = 1;
    Release(s);
  }
}

// AllocAligned serves alignments above 8: small classes whose size is a
// multiple of the alignment are aligned (runs start on a page), large
// spans are page-aligned, and larger alignments take extra pages and give
// back those on either side.
void* AllocAligned(size_t align, size_t n) {
  if (align <= 8) return Alloc(n);
  if (n < align) n = align;
  if (align <= kPageSize && n <= kMaxSmall) {
    for (uint32_t c = kClasses.index[(n + 7) >> 3]; c < kNumClasses; c++)
      if (kClasses.size[c] % align == 0) return AllocSmall(c);
  }
  if (align <= kPageSize) return AllocLarge(n > kMaxSmall ? n : kMaxSmall + 1);
  if (n > kHeapLimit || align > (kHeapLimit >> 1)) return nullptr;
  uint32_t pages = static_cast<uint32_t>((uint64_t(n) + kPageSize - 1) >> kPageShift);
  uint32_t align_pages = static_cast<uint32_t>(align >> kPageShift);
  Span* front = NewSpan();
  Span* back = NewSpan();
  Span* s = front != nullptr && back != nullptr ? TakePages(pages + align_pages - 1) : nullptr;
  if (s == nullptr) {
    if (front != nullptr) DeleteSpan(front);
    if (back != nullptr) DeleteSpan(back);
    return nullptr;
  }
  uint32_t lead = (align_pages - s->start % align_pages) % align_pages;
  uint32_t tail = align_pages - 1 - lead;
  front->start = s->start;
  front->npages = lead;
  front->resident = s->resident;
  back->start = s->start + lead + pages;
  back->npages = tail;
  back->resident = s->resident;
  s->start += lead;
  s->npages = pages;
  s->state = kLarge;
  MapEnds(s);
  stats.in_use += pages * kPageSize;
  if (lead > 0) {
    Release(front);
  } else {
    DeleteSpan(front);
  }
  if (tail > 0) {
    Release(back);
  } else {
    DeleteSpan(back);
  }
  return reinterpret_cast<void*>(uintptr_t(s->start) << kPageShift);
}

}  // namespace

extern "C" {

void* malloc(size_t n) {
  HeapGuard g;
  return Alloc(n);
}

void free(void* p) {
  if (p == nullptr) return;
  HeapGuard g;
  Free(p);
}

void* calloc(size_t n, size_t size) {
  if (size != 0 && n > SIZE_MAX / size) return nullptr;
  void* p;
  {
    HeapGuard g;
    p = Alloc(n * size);
  }
  if (p != nullptr) memset(p, 0, n * size);
  return p;
}

void* realloc(void* p, size_t n) {
  if (p == nullptr) return malloc(n);
  if (n == 0) {
    free(p);
    return nullptr;
  }
  size_t have;
  {
    HeapGuard g;
    have = UsableSize(p);
    // Keep the block if it is large enough and not more than twice too
    // large (so that shrinking a large block gives memory back).
    if (n <= have && (have <= kMaxSmall || n > have / 2)) return p;
  }
  void* q = malloc(n);
  if (q == nullptr) return nullptr;
  memcpy(q, p, n < have ? n : have);
  free(p);
  return q;
}

void* aligned_alloc(size_t align, size_t n) {
  if (align == 0 || (align & (align - 1)) != 0) return nullptr;
  HeapGuard g;
  return AllocAligned(align, n);
}

int posix_memalign(void** out, size_t align, size_t n) {
  if (align < sizeof(void*) || (align & (align - 1)) != 0) return EINVAL;
  void* p;
  {
    HeapGuard g;
    p = AllocAligned(align, n);
  }
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}

size_t malloc_usable_size(void* p) {
  if (p == nullptr) return 0;
  HeapGuard g;
  return UsableSize(p);
}

// wasi-libc's own callers (atexit, locales) use these names; defined here,
// they keep dlmalloc out of the link.
void* __libc_malloc(size_t n) { return malloc(n); }
void __libc_free(void* p) { free(p); }
void* __libc_calloc(size_t n, size_t size) { return calloc(n, size); }

// re2w_malloc and re2w_free give the host buffers in linear memory.
__attribute__((export_name("re2w_malloc"))) void* re2w_malloc(size_t n) {
  return malloc(n);
}

__attribute__((export_name("re2w_free"))) void re2w_free(void* p) { free(p); }

// re2w_heap_in_use is the number of bytes allocated and not yet freed.
__attribute__((export_name("re2w_heap_in_use"))) size_t re2w_heap_in_use() {
  HeapGuard g;
  return stats.in_use;
}

// re2w_heap_top is the end of the heap: the allocator has carved the
// memory below it, in use or free; it never moves down, so that a heap top
// that holds still while memory is allocated and freed shows the freed
// memory being reused.
__attribute__((export_name("re2w_heap_top"))) uintptr_t re2w_heap_top() {
  HeapGuard g;
  return heap_break;
}

// re2w_heap_stats is the address of the allocator's counters (HeapStats,
// five uint32), which the host may read at any time without the lock: each
// field is written whole.
__attribute__((export_name("re2w_heap_stats"))) HeapStats* re2w_heap_stats() {
  return &stats;
}

// re2w_trim_begin takes free spans whose pages may be resident out of the
// free lists, the largest first, until at most keep such bytes are left or
// max spans are taken; it writes the address and size of each to out (two
// uint32 per span) and returns how many it took. The host must discard
// their pages and then pass the same list to re2w_trim_end; meanwhile the
// allocator does not touch them.
__attribute__((export_name("re2w_trim_begin"))) int32_t re2w_trim_begin(
    uint32_t* out, int32_t max, uint32_t keep) {
  HeapGuard g;
  int32_t n = 0;
  // Large spans first, then the bins from the largest down.
  for (uint32_t i = 0; i < kBins && n < max && stats.free_resident > keep; i++) {
    uint32_t b = i == 0 ? 0 : kBins - i;
    while (n < max && stats.free_resident > keep && bins[b] != nullptr &&
           bins[b]->resident) {
      Span* s = bins[b];
      RemoveFree(s);
      s->state = kTrimming;
      out[2 * n] = s->start << kPageShift;
      out[2 * n + 1] = s->npages << kPageShift;
      n++;
    }
  }
  return n;
}

// re2w_trim_end files the spans of re2w_trim_begin again, as free spans
// whose pages are not resident.
__attribute__((export_name("re2w_trim_end"))) void re2w_trim_end(
    const uint32_t* list, int32_t n) {
  HeapGuard g;
  for (int32_t i = 0; i < n; i++) {
    Span* s = MapGet(list[2 * i] >> kPageShift);
    if (s == nullptr || s->state != kTrimming) __builtin_trap();
    s->resident = 0;
    Release(s);
    stats.trims++;
  }
}

}  // extern "C"
