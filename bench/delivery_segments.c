/* Whether a spike's synapses should be added into future ring slots when it is sent, or
 * read, delay by delay, at the step they arrive. One thread plays a thread's share of
 * the full-scale microcircuit: 40 blocks of 1024 neurons, 1,300 events per block and step
 * (13 spikes per step, each reaching 100 synapses per block), excitatory delays drawn
 * from a normal of 15 +- 7.5 steps and inhibitory ones from 7.5 +- 3.75 steps (1 to 63
 * steps), 6-byte synapses in rows at random places of a 384 MB pool, and a block update
 * that streams 64 KB of state.
 *
 * Mode 0 (the engine's direct delivery): each spike's row onto a block is added, when the
 * spike is sent, into that block's ring of single-precision rows
 * (`ring[slot][channel][neuron]`, 64 slots, 512 KB per block), the step's rows asked for
 * whole first, every position computed and prefetched one row ahead.
 *
 * Mode 1 (arrival segments): the synapses of a source onto a group of G blocks form one
 * row, sorted by delay, with the offset where each delay begins. At step t the group
 * walks, for each delay d from the longest down (so each neuron's sum is taken in the
 * order the ring would take it), the segment of delay d of every row whose spike was
 * sent at t - d, adding into one step's input (2 x 1024 G floats, in the nearest cache).
 * Its rows' offsets and first lines are asked for ahead.
 *
 * Mode 2: mode 1 with each row's offsets copied, when its spike is sent, beside the
 * spike in the list of the last 64 steps' spikes (so finding a segment reads no memory
 * beyond the caches, and an empty segment is skipped before anything is asked for).
 *
 * Mode 3: the update alone (the others' cost less this is their delivery's).
 *
 * Build and run (bench/PERF.md, twenty-fourth round, runs two copies at once, one per
 * core): gcc -O2 -march=native bench/delivery_segments.c -o /tmp/dseg -lm &&
 * /tmp/dseg 0 1 2000 && for g in 1 8 20 40; do /tmp/dseg 2 $g 2000; done */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xmmintrin.h>

#define BLOCKS 40
#define NEURONS 1024
#define SLOTS 64
#define ROW_LEN 100
#define SPIKES_PER_STEP 13
#define POOL (1u << 26)
#define AHEAD 8

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double uniform(void) { return ((next() >> 11) + 0.5) * 0x1p-53; }
static double normal(void) { return sqrt(-2 * log(uniform())) * cos(2 * M_PI * uniform()); }

/* A delay (steps, 1-63) for an excitatory (weight > 0) or inhibitory synapse. */
static int draw_delay(int excitatory) {
    double mean = excitatory ? 15.0 : 7.5;
    for (;;) {
        long d = lround(mean + mean / 2 * normal());
        if (d >= 1 && d < SLOTS) return (int)d;
    }
}

static float draw_weight(void) { return (next() & 3) ? 0.1f : -0.4f; }

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double *neuron_state;

/* Streams the block's state once, reads its two input channels and zeroes them. */
static void update(int b, float *input, size_t channel_stride) {
    double *v = neuron_state + (size_t)b * 8 * NEURONS;
    for (int k = 0; k < 8; k++)
        for (int n = 0; n < NEURONS; n++)
            v[k * NEURONS + n] = v[k * NEURONS + n] * 0.999 + input[n] + input[channel_stride + n];
    for (int n = 0; n < NEURONS; n++) input[n] = input[channel_stride + n] = 0;
}

static int by_delay(const void *a, const void *b) {
    return (int)(((const uint32_t *)a)[0] >> 16) - (int)(((const uint32_t *)b)[0] >> 16);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s MODE GROUP_BLOCKS STEPS\n", argv[0]);
        return 1;
    }
    int mode = atoi(argv[1]), group = atoi(argv[2]), steps = atoi(argv[3]);
    if (group < 1 || BLOCKS % group != 0 || (mode == 0 && group != 1)) {
        fprintf(stderr, "GROUP_BLOCKS must divide %d (1 for mode 0)\n", BLOCKS);
        return 1;
    }
    int groups = BLOCKS / group;
    size_t row_len = (size_t)ROW_LEN * group, rows = POOL / row_len;
    uint16_t *words = malloc(POOL * sizeof *words);
    float *weights = malloc(POOL * sizeof *weights);
    /* Mode 1: offsets[r * (SLOTS + 1) + d], where row r's delay d begins. */
    uint16_t *offsets = malloc(rows * (SLOTS + 1) * sizeof *offsets);
    uint32_t *sorter = malloc(row_len * sizeof *sorter);
    float *sorted_weights = malloc(row_len * sizeof *sorted_weights);
    for (size_t r = 0; r < rows; r++) {
        size_t at = r * row_len;
        for (size_t j = 0; j < row_len; j++) {
            float w = draw_weight();
            int delay = draw_delay(w > 0);
            weights[at + j] = w;
            if (mode == 0) {
                words[at + j] = (uint16_t)((delay << 10) | (next() & (NEURONS - 1)));
            } else {
                /* Delay above, the synapse's place in the row below (a stable sort). */
                sorter[j] = (uint32_t)delay << 16 | (uint32_t)j;
                words[at + j] = (uint16_t)(next() % ((uint64_t)NEURONS * group));
            }
        }
        if (mode == 1 || mode == 2) {
            uint16_t *unsorted = malloc(row_len * sizeof *unsorted);
            memcpy(unsorted, words + at, row_len * sizeof *unsorted);
            memcpy(sorted_weights, weights + at, row_len * sizeof *sorted_weights);
            qsort(sorter, row_len, sizeof *sorter, by_delay);
            uint16_t *off = offsets + r * (SLOTS + 1);
            int d = 0;
            for (size_t j = 0; j < row_len; j++) {
                int delay = (int)(sorter[j] >> 16);
                while (d <= delay) off[d++] = (uint16_t)j;
                words[at + j] = unsorted[sorter[j] & 0xffff];
                weights[at + j] = sorted_weights[sorter[j] & 0xffff];
            }
            while (d <= SLOTS) off[d++] = (uint16_t)row_len;
            free(unsorted);
        }
    }
    neuron_state = aligned_alloc(64, (size_t)BLOCKS * 8 * NEURONS * sizeof *neuron_state);
    memset(neuron_state, 0, (size_t)BLOCKS * 8 * NEURONS * sizeof *neuron_state);
    size_t ring_len = (size_t)BLOCKS * SLOTS * 2 * NEURONS;
    float *ring = mode == 0 ? aligned_alloc(4096, ring_len * sizeof *ring) : NULL;
    if (ring) memset(ring, 0, ring_len * sizeof *ring);
    size_t input_len = (size_t)2 * NEURONS * group;
    float *input = aligned_alloc(64, input_len * sizeof *input);
    memset(input, 0, input_len * sizeof *input);
    /* The rows sent at each of the last SLOTS steps, per group. */
    uint32_t *sent = malloc((size_t)SLOTS * groups * SPIKES_PER_STEP * sizeof *sent);
    /* Mode 2: each sent row's offsets, copied when it is sent. */
    uint16_t *sent_offsets = malloc((size_t)SLOTS * groups * SPIKES_PER_STEP * (SLOTS + 1) * sizeof *sent_offsets);
    for (size_t i = 0; i < (size_t)SLOTS * groups * SPIKES_PER_STEP; i++) {
        sent[i] = next() % rows;
        if (mode == 2) memcpy(sent_offsets + i * (SLOTS + 1), offsets + (size_t)sent[i] * (SLOTS + 1), (SLOTS + 1) * sizeof *offsets);
    }
    uint32_t visit_row[SLOTS * SPIKES_PER_STEP];
    uint8_t visit_delay[SLOTS * SPIKES_PER_STEP];
    const uint16_t *visit_offsets[SLOTS * SPIKES_PER_STEP];
    size_t positions[2][ROW_LEN];
    long events = 0;
    double started = seconds();
    for (int t = 0; t < steps; t++) {
        for (int g = 0; g < groups; g++) {
            uint32_t *now = sent + ((size_t)(t % SLOTS) * groups + g) * SPIKES_PER_STEP;
            if (mode == 3) {
                /* The update alone, with the events the other modes deliver counted. */
                events += SPIKES_PER_STEP * ROW_LEN * group;
                for (int b = 0; b < group; b++) update(g * group + b, input + (size_t)b * NEURONS, (size_t)NEURONS * group);
            } else if (mode == 0) {
                /* Each block of the group walks this step's spikes' rows onto it. */
                float *rows_of = ring + (size_t)g * SLOTS * 2 * NEURONS;
                for (int i = 0; i < SPIKES_PER_STEP; i++) now[i] = next() % rows;
                for (int i = 0; i < SPIKES_PER_STEP; i++)
                    for (size_t j = 0; j < ROW_LEN; j += 16) {
                        if (j % 32 == 0) _mm_prefetch((const char *)&words[(size_t)now[i] * row_len + j], _MM_HINT_T0);
                        _mm_prefetch((const char *)&weights[(size_t)now[i] * row_len + j], _MM_HINT_T0);
                    }
                for (int i = -1; i < SPIKES_PER_STEP; i++) {
                    if (i + 1 < SPIKES_PER_STEP) {
                        size_t *ahead = positions[(i + 1) & 1], k0 = (size_t)now[i + 1] * row_len;
                        for (size_t j = 0; j < ROW_LEN; j++) {
                            uint16_t w = words[k0 + j];
                            int slot = (t + (w >> 10)) & (SLOTS - 1);
                            ahead[j] = ((size_t)slot * 2 + (weights[k0 + j] < 0)) * NEURONS + (w & 1023);
                            _mm_prefetch((const char *)&rows_of[ahead[j]], _MM_HINT_T0);
                        }
                    }
                    if (i < 0) continue;
                    size_t *these = positions[i & 1], k0 = (size_t)now[i] * row_len;
                    for (size_t j = 0; j < ROW_LEN; j++) rows_of[these[j]] += weights[k0 + j];
                }
                events += SPIKES_PER_STEP * ROW_LEN;
                update(g, rows_of + (size_t)(t % SLOTS) * 2 * NEURONS, NEURONS);
            } else {
                /* The rows whose delay-d segment arrives now, oldest spikes first. */
                int visits = 0;
                for (int d = SLOTS - 1; d >= 1; d--) {
                    uint32_t *then = sent + ((size_t)((t - d) & (SLOTS - 1)) * groups + g) * SPIKES_PER_STEP;
                    for (int i = 0; i < SPIKES_PER_STEP; i++) {
                        size_t at = (size_t)(then - sent) + i;
                        if (mode == 2) {
                            const uint16_t *off = sent_offsets + at * (SLOTS + 1);
                            if (off[d] == off[d + 1]) continue;
                            visit_offsets[visits] = off;
                        } else {
                            visit_offsets[visits] = offsets + (size_t)then[i] * (SLOTS + 1);
                        }
                        visit_row[visits] = then[i];
                        visit_delay[visits++] = (uint8_t)d;
                    }
                }
                for (int v = 0; v < visits && v < 2 * AHEAD; v++)
                    _mm_prefetch((const char *)&offsets[(size_t)visit_row[v] * (SLOTS + 1) + visit_delay[v]], _MM_HINT_T0);
                for (int v = 0; v < visits; v++) {
                    if (v + 2 * AHEAD < visits)
                        _mm_prefetch((const char *)&visit_offsets[v + 2 * AHEAD][visit_delay[v + 2 * AHEAD]], _MM_HINT_T0);
                    if (v + AHEAD < visits) {
                        size_t r = visit_row[v + AHEAD];
                        size_t k = r * row_len + visit_offsets[v + AHEAD][visit_delay[v + AHEAD]];
                        _mm_prefetch((const char *)&words[k], _MM_HINT_T0);
                        _mm_prefetch((const char *)&weights[k], _MM_HINT_T0);
                    }
                    size_t r = visit_row[v];
                    const uint16_t *off = visit_offsets[v];
                    size_t k0 = r * row_len, begin = off[visit_delay[v]], end = off[visit_delay[v] + 1];
                    for (size_t k = k0 + begin; k < k0 + end; k++) {
                        float w = weights[k];
                        input[(size_t)(w < 0) * NEURONS * group + words[k]] += w;
                    }
                    events += (long)(end - begin);
                }
                for (int b = 0; b < group; b++) update(g * group + b, input + (size_t)b * NEURONS, (size_t)NEURONS * group);
                /* This step's spikes, read from the next step on. */
                for (int i = 0; i < SPIKES_PER_STEP; i++) {
                    now[i] = next() % rows;
                    if (mode == 2)
                        memcpy(sent_offsets + ((size_t)(now - sent) + i) * (SLOTS + 1), offsets + (size_t)now[i] * (SLOTS + 1), (SLOTS + 1) * sizeof *offsets);
                }
            }
        }
    }
    double elapsed = seconds() - started;
    printf("mode %d, groups of %d blocks: %.3f s, %.2f ns per event (%ld events)\n", mode, group, elapsed,
           elapsed / events * 1e9, events);
    return 0;
}
