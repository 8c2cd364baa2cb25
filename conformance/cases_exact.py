"""Deterministic cases of the models NEST integrates exactly or explicitly (issue 12):
izhikevich, iaf_psc_exp_htum, mat2_psc_exp, amat2_psc_exp, in the schema of cases.py
and replayed by the same test. Per model a case driven by currents (I_e, dc_generator)
and one driven by spikes, with every recordable sampled; and populations of 1,100 neurons
whose inputs aim at indices 7, 8, 255, 256, 1023 and 1024, so that the engine's groups of
8, chunks of 256 and blocks of 1024 neurons are compared with NEST.
"""

from cases import EXP, RECORDABLES, case, conn, dc, neuron, sg

IZH = "izhikevich"

RECORDABLES.update({
    IZH: ["V_m", "U_m"],
})


def population(model, n, **params):
    """A population of n neurons created at once (schema: a neuron entry with "n")."""
    entry = neuron(model, **params)
    entry["n"] = n
    return entry


# The indices on both sides of the engine's boundaries: groups of 8 spike flags, chunks
# of 256 neurons, blocks of 1024 neurons.
EDGES = [7, 8, 255, 256, 1023, 1024]
POP = 1100


def population_case(name, description, model, record_from, weight, **params):
    """POP neurons of `model`; each edge index gets its own input (a spike train with
    its own timing, a dc step on two of them), 1023 -> 1024 and 7 -> 1099 are
    connected, and the edges, their neighbours and the ends are recorded."""
    gens = []
    for k, i in enumerate(EDGES):
        times = [2.0 + 3.0 * k + 5.0 * j for j in range(6 + k)]
        gens.append(sg([i], [round(t, 1) for t in times], weight=weight * (1.0 + 0.1 * k),
                       delay=1.0 + 0.1 * k))
    gens.append(sg([8, 256, 1024], [20.0, 20.1], weight=-weight, delay=1.5))
    gens.append(dc([255, 1023], 3.0 * abs(weight), delay=1.0, start=30.0, stop=60.0))
    targets = sorted({0, 1, 6, 9, 254, 257, 1022, 1025, POP - 1, *EDGES})
    return case(name, description, [population(model, POP, **params)], [100.0], gens,
                connections=[conn(1023, 1024, 2.0 * weight, 1.0), conn(7, POP - 1, 2.0 * weight, 2.0)],
                record_from=record_from, rec_targets=targets)


def izhikevich_cases():
    C = []
    C.append(case(
        "izhikevich_dc",
        "izhikevich regular spiking (defaults, I_e 10), chattering (c -50, d 2), fast "
        "spiking (a 0.1, d 2) and a V_min-bounded neuron (V_min -66, I_e -5), dc 5 pA "
        "onto the first two from 100 to 200 ms and -3 pA onto the third",
        [neuron(IZH, I_e=10.0), neuron(IZH, c=-50.0, d=2.0, I_e=10.0),
         neuron(IZH, a=0.1, d=2.0, I_e=10.0), neuron(IZH, V_min=-66.0, I_e=-5.0)],
        [300.0],
        [dc([0, 1], 5.0, start=100.0, stop=200.0), dc([2], -3.0, start=150.0)],
        interval=0.2, record_from=["V_m", "U_m"]))
    C.append(case(
        "izhikevich_spikes",
        "izhikevich driven by spikes (mV jumps): excitatory 12 mV trains with a duplicate "
        "and a multiplicity, inhibitory -8 mV; V_m and U_m initial values; V_th 25; "
        "0 -> 1 at 20 mV, delay 1.5",
        [neuron(IZH), neuron(IZH, V_m=-70.0, U_m=-14.0, V_th=25.0),
         neuron(IZH, b=0.25, d=0.05, V_min=-75.0)],
        [200.0],
        [sg([0, 1, 2], [5.0, 5.0, 10.0, 12.0, 12.1, 12.2, 40.0, 41.0, 42.0, 43.0, 44.0],
            weight=12.0, delay=1.0),
         sg([0, 2], [60.0, 80.0, 80.5], spike_multiplicities=[3, 2, 1], weight=9.0, delay=2.0),
         sg([1, 2], [30.0, 30.1, 100.0, 150.0], weight=-8.0, delay=1.0)],
        connections=[conn(0, 1, 20.0, 1.5)],
        record_from=["V_m", "U_m"]))
    C.append(case(
        "izhikevich_published_res1",
        "resolution 1 ms: Izhikevich's published scheme (consistent_integration False) "
        "beside forward Euler, I_e 10 and 4, spikes of 6 mV",
        [neuron(IZH, consistent_integration=False, I_e=10.0),
         neuron(IZH, consistent_integration=True, I_e=10.0),
         neuron(IZH, consistent_integration=False, I_e=4.0)],
        [400.0],
        [sg([0, 1, 2], [50.0, 51.0, 52.0, 200.0], weight=6.0, delay=1.0)],
        resolution=1.0, record_from=["V_m", "U_m"]))
    C.append(case(
        "izhikevich_published_res01",
        "resolution 0.1 ms: the published scheme (consistent_integration False), I_e 5, "
        "spikes of 15 mV and -5 mV, dc 3 pA from 50 ms",
        [neuron(IZH, consistent_integration=False, I_e=5.0),
         neuron(IZH, consistent_integration=False, a=0.1, d=2.0)],
        [150.0],
        [sg([0, 1], [10.0, 20.0, 20.1, 90.0], weight=15.0, delay=1.0),
         sg([1], [95.0], weight=-5.0, delay=1.0),
         dc([0, 1], 3.0, start=50.0)],
        record_from=["V_m", "U_m"]))
    C.append(population_case(
        "population_izhikevich_1100",
        f"{POP} izhikevich neurons (I_e 3): spike trains of 25+ mV aimed at {EDGES}, "
        "inhibition of 8, 256, 1024, dc onto 255 and 1023, connections 1023 -> 1024 and "
        "7 -> 1099",
        IZH, ["V_m", "U_m"], 25.0, I_e=3.0))
    return C


def iaf_cases():
    C = []
    C.append(population_case(
        "population_iaf_psc_exp_1100",
        f"{POP} iaf_psc_exp neurons (I_e 300): spike trains of 900+ pA aimed at {EDGES}, "
        "inhibition of 8, 256, 1024, dc onto 255 and 1023, connections 1023 -> 1024 and "
        "7 -> 1099",
        EXP, ["V_m", "I_syn_ex", "I_syn_in"], 900.0, I_e=300.0))
    return C


EXACT_CASES = izhikevich_cases() + iaf_cases()
