/* How much cache a random add finds: ns per `a[i] += 1.0` at random places in working
 * sets from 256 KiB to 256 MiB, one thread. Where the time per add jumps is the cache a
 * core's work actually keeps (on the development VM about 4-8 MiB of a nominal 32 MiB
 * L3; bench/PERF.md, seventh round). Build and run: gcc -O2 bench/cache_reach.c -o
 * /tmp/cache_reach && /tmp/cache_reach */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
    const size_t sizes_kib[] = {256, 512, 1024, 2048, 4096, 8192, 16384, 24576, 32768, 65536, 262144};
    const size_t adds = 1 << 22;
    uint32_t *where = malloc(adds * sizeof *where);
    for (size_t s = 0; s < sizeof sizes_kib / sizeof *sizes_kib; s++) {
        size_t n = sizes_kib[s] * 1024 / sizeof(double);
        double *a = aligned_alloc(64, n * sizeof(double));
        for (size_t i = 0; i < n; i++) a[i] = (double)i;
        uint64_t x = 88172645463325252ull; /* xorshift64: one place per cache line */
        for (size_t i = 0; i < adds; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            where[i] = (uint32_t)((x % (n / 8)) * 8);
        }
        for (size_t i = 0; i < adds; i++) a[where[i]] += 1.0; /* warm */
        double t0 = seconds();
        for (int r = 0; r < 3; r++)
            for (size_t i = 0; i < adds; i++) a[where[i]] += 1.0;
        double ns = (seconds() - t0) / (3.0 * adds) * 1e9;
        double check = 0;
        for (size_t i = 0; i < n; i += 8) check += a[i];
        printf("%7zu KiB: %.2f ns per random add (check %.0f)\n", sizes_kib[s], ns, check);
        free(a);
    }
    free(where);
    return 0;
}
