"""Protocols: NEST scripts that change a network between Simulate calls (issue 13).

Each case builds populations, generators, connections and an optional multimeter, then
runs `steps` in order: `["simulate", t]`, `["set_neurons", pop, indices | None, params]`,
`["set_generator", g, params]`, `["set_spike_recorder", params]`,
`["add_multimeter", params]` (interval, offset, record_from, pop),
`["read_connections", c]` (source, target, weight, delay, receptor and the synapse
model's state of connection set `c`, sorted by source and target, same pairs in creation
order), `["set_weights", c, w]` (w one number, or one per connection in that order) and
`["set_synapses", c, {name: value}]` (plastic state such as `Kplus`, `u`, `x`, `y`, each
one number or one per connection in that order, set together in one `SetStatus` as
`conns.set(...)` does; besides the state, `delay` and the rule's parameters such as `U`,
`tau_rec`, `Wmax`) and `["set_synapses_refused", c, {name: value}]` (a `conns.set(...)`
NEST refuses: the name of NEST's exception is written to `refused`; these come last, as
NEST may have changed some synapses before it raised). A spike recorder watches every
neuron.

Written by `run_nest.py` (`main_protocols`) to `reference/protocols/<name>.json` and
`reference/protocols/index.json`; replayed by `network-core/tests/protocols.rs`.

Expected output: `spikes` (senders: neuron index over all populations in creation
order; times, ms, up to the simulated time), `meters` (the case's multimeter first, then
those added, each {times, senders, <recordable>: values}) and `reads` (one list of
[source, target, weight, delay, receptor, {state name: value}] per read_connections,
indices within the populations; the state names are `STATE[synapse_model]`).
"""

import json
import os

RNG_SEED = 12345
ALPHA, EXP, DELTA = "iaf_psc_alpha", "iaf_psc_exp", "iaf_psc_delta"


# The state besides the weight that GetConnections reports per synapse model (NEST 3.10's
# get_status of each model).
STATE = {
    "static_synapse": [],
    "stdp_synapse": ["Kplus"],
    "stdp_synapse_hom": ["Kplus"],
    "stdp_triplet_synapse": ["Kplus", "Kplus_triplet"],
    "vogels_sprekeler_synapse": ["Kplus"],
    "tsodyks_synapse": ["x", "y", "u"],
    "tsodyks2_synapse": ["x", "u"],
    "quantal_stp_synapse": ["u", "a"],
}


def pop(model, n, **params):
    return {"model": model, "n": n, "params": dict(params)}


def gen(model, p, indices, weight=1.0, delay=1.0, **params):
    """A generator onto population p (indices None: all of it)."""
    return {"model": model, "params": dict(params), "pop": p, "indices": indices,
            "weight": weight, "delay": delay}


def pairs(source, target, pairs_, weight, delay, synapse_model="static_synapse", **syn):
    return {"source": source, "target": target, "pairs": [list(x) for x in pairs_],
            "weight": weight, "delay": delay, "synapse_model": synapse_model,
            "syn_params": dict(syn)}


def case(name, description, neurons, steps, generators=(), connections=(), record=None,
         resolution=0.1, kernel=None):
    c = {"name": name, "description": description, "resolution": resolution,
         "rng_seed": RNG_SEED, "neurons": list(neurons), "generators": list(generators),
         "connections": list(connections), "record": record, "steps": list(steps)}
    if kernel:  # further kernel settings (min_delay, max_delay)
        c["kernel"] = dict(kernel)
    return c


def meter(p, interval=0.1, record_from=("V_m",), offset=0.0):
    return {"pop": p, "interval": interval, "offset": offset, "record_from": list(record_from)}


PROTOCOL_CASES = [
    case("protocol_current_step",
         "current-step protocol: I_e of 3 iaf_psc_alpha and 2 iaf_psc_exp neurons 0 pA, "
         "then 376 pA at 100 ms and 500 pA at 200 ms (SetStatus between Simulate calls); "
         "V_th of the iaf_psc_exp population lowered to -60 mV at 200 ms; V_m sampled",
         [pop(ALPHA, 3), pop(EXP, 2)],
         [["simulate", 100.0],
          ["set_neurons", 0, None, {"I_e": 376.0}],
          ["set_neurons", 1, None, {"I_e": 376.0}],
          ["simulate", 100.0],
          ["set_neurons", 0, None, {"I_e": 500.0}],
          ["set_neurons", 1, None, {"I_e": 500.0, "V_th": -60.0}],
          ["simulate", 100.0]],
         generators=[gen("spike_generator", 0, [1], weight=80.0, spike_times=[20.0, 150.0, 250.0])],
         record=meter(0, record_from=["V_m", "I_syn_ex"])),
    case("protocol_v_m_reset",
         "V_m reset between runs: 4 iaf_psc_alpha neurons driven by I_e 450 pA; V_m of "
         "neurons 1 and 3 set to -70 mV at 50 ms, of all to -60 mV at 120 ms, of neuron 0 "
         "to -56 mV at 170 ms; tau_m of the population 20 ms at 120 ms",
         [pop(ALPHA, 4, I_e=450.0)],
         [["simulate", 50.0],
          ["set_neurons", 0, [1, 3], {"V_m": -70.0}],
          ["simulate", 70.0],
          ["set_neurons", 0, None, {"V_m": -60.0, "tau_m": 20.0}],
          ["simulate", 50.0],
          ["set_neurons", 0, [0], {"V_m": -56.0}],
          ["simulate", 80.0]],
         record=meter(0)),
    case("protocol_generators",
         "generators set between runs: a dc_generator's amplitude 300 -> 450 pA at 60 ms "
         "and its stop 150 ms; a second dc switched on by start 130 ms; a spike_generator's "
         "spike_times replaced at 100 ms (past times skipped) and its origin 20 ms at 150 ms",
         [pop(ALPHA, 2), pop(DELTA, 2)],
         [["simulate", 60.0],
          ["set_generator", 0, {"amplitude": 450.0, "stop": 150.0}],
          ["simulate", 40.0],
          ["set_generator", 2, {"spike_times": [50.0, 105.0, 110.0, 140.0]}],
          ["set_generator", 1, {"start": 130.0}],
          ["simulate", 50.0],
          ["set_generator", 2, {"origin": 20.0}],
          ["simulate", 100.0]],
         generators=[gen("dc_generator", 0, None, amplitude=300.0),
                     gen("dc_generator", 1, None, weight=1.0, amplitude=20.0, start=500.0),
                     gen("spike_generator", 1, [0], weight=8.0, spike_times=[10.0, 30.0])],
         record=meter(1)),
    case("protocol_multimeter_added",
         "multimeters added after runs, at 10, 110 and 250 ms (intervals 1, 0.7 and 2.5 ms, "
         "the second with offset 0.3 ms; a fourth at 110 ms, interval 1 ms, offset 0.1 ms, "
         "whose first grid point 110.1 ms NEST skips), on 2 iaf_psc_alpha neurons driven by I_e 400 and "
         "450 pA; a spike recorder's stop set to 200 ms at 110 ms",
         [pop(ALPHA, 1, I_e=400.0), pop(ALPHA, 1, I_e=450.0)],
         [["simulate", 10.0],
          ["add_multimeter", meter(0, interval=1.0)],
          ["simulate", 100.0],
          ["add_multimeter", meter(1, interval=0.7, offset=0.3, record_from=["V_m", "I_syn_ex"])],
          ["add_multimeter", meter(0, interval=1.0, offset=0.1)],
          ["set_spike_recorder", {"stop": 200.0}],
          ["simulate", 140.0],
          ["add_multimeter", meter(0, interval=2.5)],
          ["simulate", 50.0]],
         generators=[gen("spike_generator", 1, [0], weight=100.0, spike_times=[5.0, 120.0, 251.0])]),
    case("protocol_weights",
         "weights read and set: 3 iaf_psc_alpha sources driven to fire (I_e 400 pA) onto 3 "
         "targets (I_e 360 pA) through static synapses (a pair twice, delays 1 to 2.5 ms) and an "
         "stdp_synapse; read at 100 ms, static weights set to 50 pA each, read, then set "
         "per synapse; the stdp weight set to 80 pA at 200 ms",
         [pop(ALPHA, 3, I_e=400.0), pop(ALPHA, 3, I_e=360.0)],
         [["simulate", 100.0],
          ["read_connections", 0],
          ["read_connections", 1],
          ["set_weights", 0, 50.0],
          ["read_connections", 0],
          ["simulate", 100.0],
          ["set_weights", 0, [100.0, 200.0, -150.0, 300.0, 250.0]],
          ["set_weights", 1, 80.0],
          ["read_connections", 0],
          ["read_connections", 1],
          ["simulate", 100.0],
          ["read_connections", 1]],
         connections=[pairs(0, 1, [(0, 0), (0, 1), (1, 1), (1, 1), (2, 0)], 120.0, 1.5),
                       pairs(0, 1, [(2, 2)], 60.0, 1.0, "stdp_synapse", Wmax=200.0)],
         record=meter(1)),
    case("protocol_synapse_state",
         "GetConnections with receptor and plastic state, and SetStatus on the state "
         "between runs: 3 iaf_psc_alpha sources (I_e 400 pA, source 1 also kicked by a "
         "spike_generator) onto iaf_psc_alpha targets (I_e 360 pA) through stdp_synapse, "
         "stdp_triplet_synapse, vogels_sprekeler_synapse and tsodyks_synapse, onto an iaf_psc_exp_multisynapse "
         "population (3 ports) through static (receptor 2) and tsodyks2 (receptor 3) "
         "synapses, and onto quiet neurons through quantal_stp_synapse (weight 0.001 pA: "
         "its releases are random, its u is not); read at 87.5 ms, just after sources 0 "
         "and 2 fired at 87.4 ms (spikes NEST delivers in the next run, through the "
         "state as set), Kplus, Kplus_triplet, u, x, y set (one value and one per "
         "synapse), read, run, set again at 187.5 ms, read after each run",
         [pop(ALPHA, 3, I_e=400.0), pop(ALPHA, 3, I_e=360.0),
          pop("iaf_psc_exp_multisynapse", 2, I_e=370.0, tau_syn=[0.5, 2.0, 5.0]),
          pop(ALPHA, 2)],
         [["simulate", 87.5],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["read_connections", 3], ["read_connections", 4], ["read_connections", 5],
          ["read_connections", 6],
          ["set_synapses", 1, {"Kplus": 2.5}],
          ["set_synapses", 6, {"Kplus": [0.5, 4.0]}],
          ["set_synapses", 2, {"Kplus": [1.25, 0.0], "Kplus_triplet": 0.4}],
          ["set_synapses", 3, {"u": 0.3, "x": 0.5, "y": 0.125}],
          ["set_synapses", 4, {"u": [0.9, 0.6], "x": 0.4}],
          ["set_synapses", 5, {"u": 0.8}],
          ["read_connections", 1], ["read_connections", 2], ["read_connections", 3],
          ["read_connections", 4], ["read_connections", 5], ["read_connections", 6],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["read_connections", 3], ["read_connections", 4], ["read_connections", 5],
          ["read_connections", 6],
          ["set_synapses", 1, {"Kplus": [0.0, 1.0, 2.0, 3.0]}],
          ["set_synapses", 3, {"x": 1.0, "y": 0.0, "u": [0.0, 1.0, 0.5]}],
          ["set_synapses", 4, {"u": 1.0, "x": 0.0}],
          ["set_weights", 3, [100.0, 250.0, 75.0]],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["read_connections", 3], ["read_connections", 4], ["read_connections", 5],
          ["read_connections", 6]],
         generators=[gen("spike_generator", 0, [1], weight=300.0,
                         spike_times=[7.0, 33.3, 34.1, 99.5, 150.0, 199.6, 230.2])],
         connections=[pairs(0, 2, [(0, 0), (1, 1), (2, 0)], 90.0, 1.0, receptor_type=2),
                      pairs(0, 1, [(0, 0), (0, 2), (1, 1), (2, 2)], 100.0, 1.5,
                            "stdp_synapse", Wmax=300.0),
                      pairs(0, 1, [(1, 2), (2, 0)], 50.0, 1.0, "stdp_triplet_synapse",
                            Wmax=200.0),
                      pairs(0, 1, [(0, 1), (1, 0), (2, 1)], 150.0, 1.0, "tsodyks_synapse",
                            U=0.4, tau_fac=50.0, tau_rec=200.0, tau_psc=3.0),
                      pairs(0, 2, [(0, 1), (2, 1)], 200.0, 2.0, "tsodyks2_synapse",
                            U=0.3, tau_fac=30.0, tau_rec=150.0, receptor_type=3),
                      pairs(0, 3, [(0, 0), (1, 1)], 0.001, 1.0, "quantal_stp_synapse",
                            U=0.3, u=0.3, tau_fac=20.0, tau_rec=100.0, n=5, a=5),
                      pairs(0, 1, [(1, 0), (2, 2)], 40.0, 1.0, "vogels_sprekeler_synapse",
                            Wmax=200.0, eta=0.5)],
         record=meter(1)),
    case("protocol_synapse_parameters",
         "SetStatus between runs on a rule's parameters and on delays: 3 iaf_psc_alpha "
         "sources (I_e 400 pA) onto iaf_psc_alpha targets (I_e 360 pA); at 87.5 ms, just "
         "after sources 0 and 2 fired at 87.4 ms (spikes NEST delivers in the next run, "
         "through the synapses as set): a static projection's delays set per synapse "
         "(within min_delay 1 ms and max_delay 4 ms), tsodyks_synapse's U, tau_rec and "
         "tau_fac, tsodyks2_synapse's U and tau_fac with a new delay, stdp_synapse's "
         "Wmax (below some weights), lambda, alpha, mu_plus and shorter delays per "
         "synapse, vogels_sprekeler_synapse's eta, alpha and tau, stdp_triplet_synapse's "
         "Aplus, Aminus and tau_plus; read, run; at 187.5 ms tsodyks_synapse's tau_psc "
         "and U with weights, all static delays alike, stdp_synapse's mu_minus; read "
         "after each run; then what NEST refuses: a delay above max_delay and below "
         "min_delay after Simulate, U = 1.5, stdp_synapse_hom's tau_plus and Wmax "
         "(common properties), receptor_type",
         [pop(ALPHA, 3, I_e=400.0), pop(ALPHA, 3, I_e=360.0)],
         [["simulate", 87.5],
          ["read_connections", 0], ["read_connections", 3],
          ["set_synapses", 0, {"delay": [1.0, 2.5, 1.7, 3.0]}],
          ["set_synapses", 1, {"U": 0.2, "tau_rec": 100.0, "tau_fac": 0.0}],
          ["set_synapses", 2, {"U": 0.6, "tau_fac": 20.0, "delay": 4.0}],
          ["set_synapses", 3, {"Wmax": 120.0, "lambda": 0.05, "alpha": 1.5,
                               "mu_plus": 0.0, "delay": [1.0, 1.5, 1.2]}],
          ["set_synapses", 4, {"eta": 1.0, "alpha": 0.5, "tau": 10.0}],
          ["set_synapses", 5, {"Aplus": 0.1, "Aminus": 0.05, "tau_plus": 10.0}],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["read_connections", 3], ["read_connections", 4], ["read_connections", 5],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["read_connections", 3], ["read_connections", 4], ["read_connections", 5],
          ["set_synapses", 1, {"tau_psc": 2.0, "U": 0.7, "weight": [100.0, 250.0, 75.0]}],
          ["set_synapses", 0, {"delay": 2.0}],
          ["set_synapses", 3, {"mu_minus": 0.5}],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["read_connections", 3], ["read_connections", 4], ["read_connections", 5],
          ["read_connections", 6],
          ["set_synapses_refused", 0, {"delay": 4.5}],
          ["set_synapses_refused", 0, {"delay": 0.5}],
          ["set_synapses_refused", 1, {"U": 1.5}],
          ["set_synapses_refused", 6, {"tau_plus": 15.0}],
          ["set_synapses_refused", 6, {"Wmax": 15.0}],
          ["set_synapses_refused", 0, {"receptor_type": 1}]],
         connections=[pairs(0, 1, [(0, 0), (0, 2), (1, 1), (2, 2)], 90.0, 1.0),
                      pairs(0, 1, [(0, 1), (1, 0), (2, 1)], 150.0, 1.0, "tsodyks_synapse",
                            U=0.4, tau_fac=50.0, tau_rec=200.0, tau_psc=3.0),
                      pairs(0, 1, [(0, 0), (2, 1)], 200.0, 2.0, "tsodyks2_synapse",
                            U=0.3, tau_fac=30.0, tau_rec=150.0),
                      pairs(0, 1, [(0, 0), (1, 2), (2, 1)], 100.0, 1.5, "stdp_synapse",
                            Wmax=300.0),
                      pairs(0, 1, [(1, 0), (2, 2)], 40.0, 1.0, "vogels_sprekeler_synapse",
                            Wmax=200.0, eta=0.5),
                      pairs(0, 1, [(1, 2), (2, 0)], 50.0, 1.0, "stdp_triplet_synapse",
                            Wmax=200.0),
                      pairs(0, 1, [(1, 1)], 20.0, 4.0, "stdp_synapse_hom")],
         record=meter(1)),
    case("protocol_step_current_ac",
         "step_current_generator and ac_generator set between runs: new amplitude times "
         "at 100 ms (a change at 100 ms itself is in the past and skipped, NEST keeps the "
         "amplitude until the next), new times all in the past at 200 ms (the amplitude "
         "stays; NEST takes times and values only together); the ac's amplitude, frequency and phase at 100 ms, its stop at "
         "200 ms; V_m sampled",
         [pop(ALPHA, 2)],
         [["simulate", 100.0],
          ["set_generator", 0, {"amplitude_times": [100.0, 130.0],
                                "amplitude_values": [900.0, 200.0]}],
          ["set_generator", 1, {"amplitude": 400.0, "frequency": 35.0, "phase": 90.0}],
          ["simulate", 100.0],
          ["set_generator", 0, {"amplitude_times": [150.0, 190.0],
                                "amplitude_values": [100.0, 450.0]}],
          ["set_generator", 1, {"stop": 250.0}],
          ["simulate", 100.0]],
         generators=[gen("step_current_generator", 0, [0], amplitude_times=[20.0, 60.0],
                         amplitude_values=[300.0, 600.0]),
                     gen("ac_generator", 0, [1], amplitude=200.0, offset=300.0,
                         frequency=20.0)],
         record=meter(0)),
    case("protocol_pulsepacket",
         "pulsepacket_generator without spread (deterministic) onto 2 iaf_psc_delta "
         "neurons, weight 4 mV: packets of 3 at 10, 30 and 80.55 ms (off the grid), then "
         "of 5 at 120 and 150 ms, then packets at 230 and 260 ms with start 250 ms: the "
         "packet at 230 ms is drawn only in the first active slice, at 250 ms, and lost; "
         "V_m sampled",
         [pop(DELTA, 2)],
         [["simulate", 100.0],
          ["set_generator", 0, {"pulse_times": [150.0, 120.0], "activity": 5}],
          ["simulate", 100.0],
          ["set_generator", 0, {"pulse_times": [230.0, 260.0], "start": 250.0}],
          ["simulate", 100.0]],
         generators=[gen("pulsepacket_generator", 0, None, weight=4.0,
                         pulse_times=[30.0, 80.55, 10.0], activity=3, sdev=0.0)],
         record=meter(0)),
]

# Parameters set on parts of a population of 1,100 neurons (NEST's pop[a:b].set(..)),
# the parts ending at the engine's chunk (256) and block (1024) edges, and 7/8 at its
# vector width; then a whole-population set over the differing sets.
EDGES = [7, 8, 255, 256, 1023, 1024]


def parts_case(name, model, extra_steps):
    return case(
        name,
        f"1,100 {model} neurons (I_e 370 pA): I_e, V_th, tau_m and E_L set on parts of the "
        "population between runs, parts ending at neurons 7/8, 255/256 and 1023/1024; "
        "then I_e of the whole population; spikes into the edge neurons; V_m sampled",
        [pop(model, 1100, I_e=370.0)],
        [["simulate", 25.0],
         ["set_neurons", 0, [7, 255, 1023, 1024], {"I_e": 500.0}],
         ["set_neurons", 0, list(range(8, 256)), {"V_th": -60.0}],
         ["set_neurons", 0, list(range(1024, 1100)), {"tau_m": 15.0}],
         ["set_neurons", 0, list(range(500, 520)), {"E_L": -65.0}],
         ["simulate", 25.0],
         ["set_neurons", 0, [256, 1023], {"I_e": 376.0, "V_th": -56.0}]]
        + extra_steps
        + [["simulate", 25.0],
           ["set_neurons", 0, None, {"I_e": 390.0}],
           ["simulate", 25.0]],
        generators=[gen("spike_generator", 0, EDGES, weight=150.0,
                        spike_times=[5.0, 30.0, 55.0, 80.0])],
        record=meter(0, interval=5.0))


PROTOCOL_CASES += [
    case("protocol_delays_widen_extrema",
         "delays set before the first Simulate outside the kernel's min_delay and max_delay "
         "as the connections made them (1.5 and 2 ms): NEST's delay checker widens them "
         "(min_delay 0.5 ms, max_delay 4 ms) since the user did not set them; 3 "
         "iaf_psc_alpha sources (I_e 400 pA) onto 3 iaf_psc_alpha targets (I_e 360 pA), "
         "static synapses set to 0.5, 3.5, 2.2 and 1 ms, stdp_synapse's to 4 ms (longer "
         "than any STDP delay when connected); read, run, read; a delay within the new "
         "extremes (0.7 ms) set and run; then what NEST refuses after Simulate: 4.5 ms "
         "and 0.3 ms",
         [pop(ALPHA, 3, I_e=400.0), pop(ALPHA, 3, I_e=360.0)],
         [["set_synapses", 0, {"delay": [0.5, 3.5, 2.2, 1.0]}],
          ["set_synapses", 1, {"delay": 4.0}],
          ["read_connections", 0], ["read_connections", 1],
          ["simulate", 150.0],
          ["read_connections", 0], ["read_connections", 1],
          ["set_synapses", 0, {"delay": 0.7}],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1],
          ["set_synapses_refused", 0, {"delay": 4.5}],
          ["set_synapses_refused", 1, {"delay": 0.3}]],
         connections=[pairs(0, 1, [(0, 0), (0, 2), (1, 1), (2, 2)], 90.0, 1.5),
                      pairs(0, 1, [(0, 1), (1, 0), (2, 1)], 100.0, 2.0, "stdp_synapse",
                            Wmax=300.0, **{"lambda": 0.05})],
         record=meter(1)),
    case("protocol_synapse_parameters_per_synapse",
         "a rule parameter that differs between the synapses of one connection, set "
         "between runs as NEST's conns.set(U=[..]) (NEST keeps every parameter per "
         "synapse): 3 iaf_psc_alpha sources (I_e 400 pA) onto 3 iaf_psc_alpha targets "
         "(I_e 360 pA); at 60.5 ms tsodyks_synapse's U (0.1, 0.5, 0.9) and tau_rec per "
         "synapse, tsodyks2_synapse's U per synapse, stdp_synapse's Wmax and lambda per "
         "synapse (Wmax below some weights); read, run; then one tau_fac for all "
         "tsodyks synapses and one U for all tsodyks2 synapses (every synapse's own rule "
         "set alike); read, run, read; then what NEST refuses: U = 1.2 on one synapse",
         [pop(ALPHA, 3, I_e=400.0), pop(ALPHA, 3, I_e=360.0)],
         [["simulate", 60.5],
          ["set_synapses", 0, {"U": [0.1, 0.5, 0.9], "tau_rec": [50.0, 200.0, 400.0]}],
          ["set_synapses", 1, {"U": [0.2, 0.7]}],
          ["set_synapses", 2, {"Wmax": [120.0, 300.0, 90.0], "lambda": [0.05, 0.01, 0.1]}],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["set_synapses", 0, {"tau_fac": 10.0}],
          ["set_synapses", 1, {"U": 0.4}],
          ["simulate", 100.0],
          ["read_connections", 0], ["read_connections", 1], ["read_connections", 2],
          ["set_synapses_refused", 0, {"U": [0.3, 1.2, 0.3]}]],
         connections=[pairs(0, 1, [(0, 1), (1, 0), (2, 2)], 150.0, 1.0, "tsodyks_synapse",
                            U=0.4, tau_fac=50.0, tau_rec=200.0, tau_psc=3.0),
                      pairs(0, 1, [(0, 0), (2, 1)], 200.0, 1.5, "tsodyks2_synapse",
                            U=0.3, tau_fac=30.0, tau_rec=150.0),
                      pairs(0, 1, [(0, 0), (1, 2), (2, 1)], 100.0, 1.5, "stdp_synapse",
                            Wmax=300.0)],
         record=meter(1)),
    case("protocol_delays_user_extrema",
         "a delay outside min_delay and max_delay the user set (1 and 3 ms) before the "
         "first Simulate: NEST refuses it (the extremes widen only when the user left "
         "them to the connections), above and below; a delay within them taken",
         [pop(ALPHA, 2, I_e=400.0), pop(ALPHA, 2, I_e=360.0)],
         [["set_synapses", 0, {"delay": 2.5}],
          ["read_connections", 0],
          ["set_synapses_refused", 0, {"delay": 3.5}],
          ["set_synapses_refused", 0, {"delay": 0.5}]],
         connections=[pairs(0, 1, [(0, 0), (1, 1)], 90.0, 1.5)],
         record=meter(1),
         kernel={"min_delay": 1.0, "max_delay": 3.0}),
    parts_case("protocol_params_on_parts_alpha", ALPHA,
               [["set_neurons", 0, list(range(0, 1100, 3)), {"tau_syn_ex": 1.0}]]),
    parts_case("protocol_params_on_parts_exp", EXP,
               [["set_neurons", 0, list(range(1, 1100, 2)), {"t_ref": 5.0}]]),
]

_names = [c["name"] for c in PROTOCOL_CASES]
assert len(_names) == len(set(_names)), "duplicate protocol case names"


def ms_to_tics(t):
    return int(t * 1000.0 + 0.5)


def run_protocol(nest, c):
    """Runs one protocol case in NEST; returns the case with its expected output."""
    nest.ResetKernel()
    if hasattr(nest, "VerbosityLevel"):
        nest.verbosity = nest.VerbosityLevel.ERROR
    h = c["resolution"]
    nest.SetKernelStatus({"resolution": h, "rng_seed": c["rng_seed"], "local_num_threads": 1})
    if "kernel" in c:
        nest.SetKernelStatus(dict(c["kernel"]))
    pops = [nest.Create(n["model"], n["n"], params=dict(n["params"])) for n in c["neurons"]]
    index = {}
    for p in pops:
        for nc in p:
            index[nc.global_id] = len(index)
    first = [p[0].global_id for p in pops]

    def part(p, indices):
        return pops[p] if indices is None else pops[p][list(indices)]

    gens = []
    for g in c["generators"]:
        gd = nest.Create(g["model"], params=dict(g["params"]))
        nest.Connect(gd, part(g["pop"], g["indices"]), "all_to_all",
                     {"weight": g["weight"], "delay": g["delay"]})
        gens.append(gd)
    for cn in c["connections"]:
        for i, j in cn["pairs"]:
            spec = {"synapse_model": cn["synapse_model"], "weight": cn["weight"],
                    "delay": cn["delay"]}
            spec.update(cn["syn_params"])
            nest.Connect(pops[cn["source"]][i], pops[cn["target"]][j], "one_to_one", spec)

    def make_meter(m):
        mm = nest.Create("multimeter", params={"interval": m["interval"], "offset": m["offset"],
                                               "record_from": list(m["record_from"])})
        nest.Connect(mm, pops[m["pop"]])
        return mm, list(m["record_from"])

    meters = [make_meter(c["record"])] if c["record"] else []
    sr = nest.Create("spike_recorder")
    for p in pops:
        nest.Connect(p, sr)

    def sorted_conns(k):
        cn = c["connections"][k]
        conns = nest.GetConnections(source=pops[cn["source"]], target=pops[cn["target"]],
                                    synapse_model=cn["synapse_model"])
        keys = ["source", "target", "weight", "delay", "receptor"] + STATE[cn["synapse_model"]]
        st = {k: v if isinstance(v, (list, tuple)) else [v]
              for k, v in conns.get(keys).items()}
        rows = [(st["source"][n] - first[cn["source"]], st["target"][n] - first[cn["target"]],
                 float(st["weight"][n]), float(st["delay"][n]), n, int(st["receptor"][n]),
                 {k: (int(st[k][n]) if k == "a" else float(st[k][n]))
                  for k in STATE[cn["synapse_model"]]})
                for n in range(len(st["source"]))]
        rows.sort(key=lambda r: (r[0], r[1], r[4]))
        return conns, rows

    reads = []
    refused = []
    T = 0
    for step in c["steps"]:
        kind = step[0]
        if kind == "simulate":
            nest.Simulate(step[1])
            T += ms_to_tics(step[1])
        elif kind == "set_neurons":
            part(step[1], step[2]).set(dict(step[3]))
        elif kind == "set_generator":
            gens[step[1]].set(dict(step[2]))
        elif kind == "set_spike_recorder":
            sr.set(dict(step[1]))
        elif kind == "add_multimeter":
            meters.append(make_meter(step[1]))
        elif kind == "read_connections":
            _, rows = sorted_conns(step[1])
            reads.append([[r[0], r[1], r[2], r[3], r[5], r[6]] for r in rows])
        elif kind == "set_weights":
            conns, rows = sorted_conns(step[1])
            w = step[2]
            values = [w] * len(rows) if not isinstance(w, list) else list(w)
            by_nest_order = [0.0] * len(rows)
            for r, v in zip(rows, values):
                by_nest_order[r[4]] = float(v)
            conns.set(weight=by_nest_order)
        elif kind == "set_synapses":
            conns, rows = sorted_conns(step[1])
            status = {}
            for name, w in step[2].items():
                values = [w] * len(rows) if not isinstance(w, list) else list(w)
                by_nest_order = [0] * len(rows)
                for r, v in zip(rows, values):
                    by_nest_order[r[4]] = v
                status[name] = by_nest_order
            # one dictionary per connection: every name set together, as conns.set(...)
            conns.set([{k: v[n] for k, v in status.items()} for n in range(len(rows))])
        elif kind == "set_synapses_refused":
            conns, _ = sorted_conns(step[1])
            try:
                conns.set(dict(step[2]))
            except nest.NESTError as e:
                refused.append(type(e).__name__)
            else:
                raise AssertionError(f"NEST accepted {step}")
        else:
            raise ValueError(f"unknown step {kind}")

    # flush multimeter samples withheld from the last min_delay slice
    step_tics = ms_to_tics(h)
    max_delay = ms_to_tics(nest.GetKernelStatus("max_delay")) // step_tics
    nest.Simulate(max(ms_to_tics(2.0) // step_tics, 2 * max_delay) * step_tics / 1000.0)

    ev = sr.get("events")
    spikes = sorted((float(t), index[int(s)]) for s, t in zip(ev["senders"], ev["times"])
                    if ms_to_tics(float(t)) <= T)
    expected = {"spikes": {"senders": [s for _, s in spikes], "times": [t for t, _ in spikes]},
                "meters": [], "reads": reads}
    if refused:
        expected["refused"] = refused
    for mm, keys in meters:
        ev = mm.get("events")
        rows = sorted((float(ev["times"][i]), index[int(ev["senders"][i])],
                       [float(ev[k][i]) for k in keys])
                      for i in range(len(ev["times"])) if ms_to_tics(float(ev["times"][i])) <= T)
        table = {"times": [r[0] for r in rows], "senders": [r[1] for r in rows]}
        for j, k in enumerate(keys):
            table[k] = [r[2][j] for r in rows]
        expected["meters"].append(table)
    out = dict(c)
    out["expected"] = expected
    return out


def main_protocols(nest, dump, out_dir, only=None):
    """Runs the protocol cases (those named in `only`, if given) into
    `out_dir/protocols/`; the index is written when all run."""
    out = os.path.join(out_dir, "protocols")
    os.makedirs(out, exist_ok=True)
    names = []
    for c in PROTOCOL_CASES:
        if only and c["name"] not in only:
            continue
        res = run_protocol(nest, c)
        dump(res, os.path.join(out, c["name"] + ".json"))
        names.append(c["name"])
        print(f"{c['name']}: {len(res['expected']['spikes']['times'])} spikes, "
              f"{sum(len(m['times']) for m in res['expected']['meters'])} samples", flush=True)
    if not only or POISSON_RATE["name"] in only:
        res = run_poisson_rate(nest)
        dump(res, os.path.join(out, "poisson_rate.json"))
        print(f"{POISSON_RATE['name']}: counts {res['expected']['counts']}", flush=True)
    if not only:
        dump({"nest_version": nest.__version__, "cases": names}, os.path.join(out, "index.json"))


# A poisson_generator's rate raised between runs: spike counts of 200 parrot neurons per
# window, compared statistically (NEST's random streams differ from the engine's).
POISSON_RATE = {"name": "protocol_poisson_rate", "n": 200, "weight": 1.0, "delay": 1.0,
                "windows": [[100.0, 0.0], [100.0, 400.0], [100.0, 800.0]]}


def run_poisson_rate(nest):
    """Counts per window of `POISSON_RATE["windows"]` ([duration ms, rate Hz] each)."""
    p = POISSON_RATE
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": RNG_SEED, "local_num_threads": 1})
    parrots = nest.Create("parrot_neuron", p["n"])
    pg = nest.Create("poisson_generator", params={"rate": 0.0})
    nest.Connect(pg, parrots, "all_to_all", {"weight": p["weight"], "delay": p["delay"]})
    sr = nest.Create("spike_recorder")
    nest.Connect(parrots, sr)
    counts, before = [], 0
    for duration, rate in p["windows"]:
        pg.set(rate=rate)
        nest.Simulate(duration)
        total = sr.get("n_events")
        counts.append(total - before)
        before = total
    out = dict(p)
    out["expected"] = {"counts": counts}
    return out
