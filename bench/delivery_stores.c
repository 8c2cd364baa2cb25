/* Where a block's synaptic events should go at full microcircuit scale: direct adds into
 * the block's ring (`rows[slot][channel][neuron] += w`, every position computed and
 * prefetched one row ahead, as `Projection::deliver_packed_direct` does) against a log per
 * arrival slot (8-byte records appended in order, applied to a cached row set when the
 * slot is read, as `NETWORK_RINGS=deferred` does). One thread plays a thread's share of
 * the microcircuit: 38 blocks of 1024 neurons, 64 slots, 1,300 events per block and step
 * in rows of 100 read at random places of a 384 MB pool of 6-byte synapses, and a block
 * update that streams 64 KB of state. Modes: 0 direct, 1 logs, 2 logs with each log's
 * next lines prefetched for writing, 3 rows read without storing, 4 update alone; the
 * differences between modes are the stores' cost (bench/PERF.md, eleventh round).
 * Build and run: gcc -O2 -march=native bench/delivery_stores.c -o /tmp/ds &&
 * for m in 4 3 0 1 2; do /tmp/ds $m 2000; done */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xmmintrin.h>

#define BLOCKS 38
#define NEURONS 1024
#define SLOTS 64
#define CHANNELS 3
#define ROW_LEN 100
#define ROWS_PER_STEP 13
#define POOL (1u << 26)
#define LOG_CAPACITY 8192

static uint64_t state = 88172645463325252ull;
static uint64_t next(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

typedef struct {
    uint32_t at;
    float weight;
} record;

static uint16_t *words;
static float *weights;
static double *neuron_state;

/* Streams the block's state once and zeroes the two spike channels it read. */
static void update(int b, double *input) {
    double *v = neuron_state + (size_t)b * 8 * NEURONS;
    for (int k = 0; k < 8; k++)
        for (int n = 0; n < NEURONS; n++)
            v[k * NEURONS + n] = v[k * NEURONS + n] * 0.999 + input[n] + input[NEURONS + n];
    memset(input, 0, 2 * NEURONS * sizeof *input);
}

/* The ring position of synapse k of the pool for spikes sent at step t. */
static size_t position(size_t k, int t) {
    uint16_t word = words[k];
    int slot = (t + (word >> 10)) % SLOTS;
    int channel = weights[k] < 0;
    return ((size_t)slot * CHANNELS + channel) * NEURONS + (word & 1023);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s MODE STEPS\n", argv[0]);
        return 1;
    }
    int mode = atoi(argv[1]), steps = atoi(argv[2]);
    words = malloc(POOL * sizeof *words);
    weights = malloc(POOL * sizeof *weights);
    for (size_t i = 0; i < POOL; i++) {
        /* Delays of 3 to 22 steps (the excitatory delays' bulk). */
        int delay = 3 + (int)(next() % 20);
        words[i] = (uint16_t)((delay << 10) | (next() & 1023));
        weights[i] = (next() & 3) ? 0.1f : -0.4f;
    }
    size_t ring_len = (size_t)BLOCKS * SLOTS * CHANNELS * NEURONS;
    double *ring = aligned_alloc(4096, ring_len * sizeof *ring);
    memset(ring, 0, ring_len * sizeof *ring);
    size_t logs_len = (size_t)BLOCKS * SLOTS * LOG_CAPACITY;
    record *logs = aligned_alloc(4096, logs_len * sizeof *logs);
    memset(logs, 0, logs_len * sizeof *logs);
    uint32_t *log_len = calloc(BLOCKS * SLOTS, sizeof *log_len);
    double *now = aligned_alloc(64, (size_t)BLOCKS * CHANNELS * NEURONS * sizeof *now);
    memset(now, 0, (size_t)BLOCKS * CHANNELS * NEURONS * sizeof *now);
    neuron_state = aligned_alloc(64, (size_t)BLOCKS * 8 * NEURONS * sizeof *neuron_state);
    memset(neuron_state, 0, (size_t)BLOCKS * 8 * NEURONS * sizeof *neuron_state);

    size_t starts[ROWS_PER_STEP];
    size_t positions[2][ROW_LEN];
    double sink = 0;
    long events = 0;
    double started = seconds();
    for (int t = 0; t < steps; t++) {
        for (int b = 0; b < BLOCKS; b++) {
            for (int r = 0; r < ROWS_PER_STEP; r++) {
                starts[r] = next() % (POOL - ROW_LEN);
                _mm_prefetch((const char *)&words[starts[r]], _MM_HINT_T0);
                _mm_prefetch((const char *)&weights[starts[r]], _MM_HINT_T0);
            }
            events += ROWS_PER_STEP * ROW_LEN;
            double *input = now + (size_t)b * CHANNELS * NEURONS;
            if (mode == 0) {
                double *rows = ring + (size_t)b * SLOTS * CHANNELS * NEURONS;
                for (int j = 0; j < ROW_LEN; j++) {
                    positions[0][j] = position(starts[0] + j, t);
                    _mm_prefetch((const char *)&rows[positions[0][j]], _MM_HINT_T0);
                }
                for (int r = 0; r < ROWS_PER_STEP; r++) {
                    size_t *these = positions[r & 1], *ahead = positions[(r + 1) & 1];
                    if (r + 1 < ROWS_PER_STEP)
                        for (int j = 0; j < ROW_LEN; j++) {
                            ahead[j] = position(starts[r + 1] + j, t);
                            _mm_prefetch((const char *)&rows[ahead[j]], _MM_HINT_T0);
                        }
                    for (int j = 0; j < ROW_LEN; j++) rows[these[j]] += weights[starts[r] + j];
                }
                update(b, rows + (size_t)(t % SLOTS) * CHANNELS * NEURONS);
            } else if (mode == 1 || mode == 2) {
                record *block_logs = logs + (size_t)b * SLOTS * LOG_CAPACITY;
                uint32_t *lens = log_len + b * SLOTS;
                if (mode == 2)
                    for (int s = 0; s < SLOTS; s++) {
                        record *tail = &block_logs[(size_t)s * LOG_CAPACITY + lens[s]];
                        _mm_prefetch((const char *)tail, _MM_HINT_ET0);
                        _mm_prefetch((const char *)(tail + 8), _MM_HINT_ET0);
                    }
                for (int r = 0; r < ROWS_PER_STEP; r++)
                    for (int j = 0; j < ROW_LEN; j++) {
                        size_t k = starts[r] + j;
                        int slot = (t + (words[k] >> 10)) & (SLOTS - 1);
                        uint32_t at = (uint32_t)((weights[k] < 0) << 10 | (words[k] & 1023));
                        block_logs[(size_t)slot * LOG_CAPACITY + lens[slot]] = (record){at, weights[k]};
                        lens[slot]++;
                    }
                int slot = t & (SLOTS - 1);
                record *log = block_logs + (size_t)slot * LOG_CAPACITY;
                for (uint32_t k = 0; k < lens[slot]; k++) input[log[k].at] += log[k].weight;
                lens[slot] = 0;
                update(b, input);
            } else if (mode == 3) {
                for (int r = 0; r < ROWS_PER_STEP; r++)
                    for (int j = 0; j < ROW_LEN; j++)
                        sink += weights[starts[r] + j] * (words[starts[r] + j] & 7);
                update(b, input);
            } else {
                update(b, input);
            }
        }
    }
    double elapsed = seconds() - started;
    printf("mode %d: %.3f s, %.2f ns per event (%g)\n", mode, elapsed, elapsed / events * 1e9,
           sink > 1e300 ? sink : 0.0);
    return 0;
}
