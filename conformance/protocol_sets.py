"""A protocol's `set` with values per neuron and mask selections, and recorders created
between runs (issue 13, Protocols), computed by NEST 3.10. The same run sequence as
network-load/tests/data/protocol_sets.net: between `Simulate` calls

- `sheet.set(V_m=-70.0 + 5.0 * nest.spatial.pos.x, ..)`: parameters and V_m as
  expressions of each neuron's position, NEST's math and logic functions;
- `nest.SelectNodesByMask(sheet, ..).set(I_e=.., tau_m=<expression of pos.y>)`: a mask
  selection;
- `noisy.set(V_th=nest.random.uniform(..), V_m=nest.random.normal(..))`: random terms;
- multimeters created and connected at 10, 110 and 250 ms (NEST's sampling-time rules
  for a multimeter created after a run), a spike recorder on a mask selection created at
  110 ms with `start` 150 ms, a weight recorder set on a connection's synapse model
  (its own `CopyModel`) at 110 ms, another recorder's `stop` set;
- a weight recorder's window set between runs (`wr.set(start=..)`, `stop`, `origin`),
  on the recorder created at 110 ms and on one made with the network;
- spike recorders connected at 110 ms to a spike_generator (the spikes after 110 ms) and
  to a poisson_generator (its own train; 800 Hz, 200 Hz from 250 ms).

network-load/tests/protocol_sets.rs requires the values read back after the sets, the
spikes and every sample to be NEST's bit for bit (the random values: NEST's
distributions, two-sample Kolmogorov-Smirnov over 2,000 neurons).

Writes reference/protocol_sets.json: {"nest_version", "values": {NAME: [per sheet
neuron, after the sets at 110 ms]}, "random": {NAME: [per noisy neuron]}, "spikes":
{RECORDER: [[neuron (0-based), time ms], ..] sorted}, "meters": {METER: {"times",
"senders" (0-based), RECORDABLE: [..]} sorted by time and sender}, "weights" and
"side_weights": [[sender, target (0-based in their populations), time ms, weight pA],
..] sorted, "generator_spikes": {RECORDER: [time ms, ..] sorted}, "time_ms"}.
"""

import argparse
import json
import os

import nest

HERE = os.path.dirname(os.path.abspath(__file__))
SHEET_NAMES = ["V_m", "V_th", "I_e", "tau_m"]
RANDOM_NAMES = ["V_th", "V_m"]


def ms_to_tics(ms):
    # NEST's tics: 1000 per ms at the default tics_per_ms.
    return int(round(ms * 1000.0))


def run():
    nest.ResetKernel()
    nest.set(resolution=0.1, rng_seed=12345)
    pos = nest.spatial.pos
    grid = nest.spatial.grid(shape=[10, 8], extent=[1.0, 0.8], center=[0.1, -0.05])
    sheet = nest.Create("iaf_psc_alpha", positions=grid, params={"I_e": 300.0})
    noisy = nest.Create("iaf_psc_alpha", 2000)
    first = sheet[0].global_id
    kick = nest.Create("spike_generator", params={"spike_times": [5.0, 120.0, 251.0]})
    nest.Connect(kick, sheet[[1, 33]], "all_to_all", {"weight": 100.0, "delay": 1.0})
    # Generators a spike recorder is connected to between runs.
    listed = nest.Create("spike_generator",
                         params={"spike_times": [50.0, 105.0, 110.0, 110.1, 180.0, 250.5]})
    nest.Connect(listed, noisy[[5]], "all_to_all", {"weight": 1.0, "delay": 1.0})
    drive = nest.Create("poisson_generator", params={"rate": 800.0})
    nest.Connect(drive, noisy[[6]], "all_to_all", {"weight": 1.0, "delay": 1.0})
    spikes = nest.Create("spike_recorder")
    nest.Connect(sheet, spikes)
    # A connection a weight recorder is set on later: its own copy of the model.
    nest.CopyModel("static_synapse", "static_synapse__feed")
    nest.Connect(sheet[[26, 35]], noisy[[0, 1]], "all_to_all",
                 {"synapse_model": "static_synapse__feed", "weight": 2.0, "delay": 1.0})
    # A weight recorder made with the network, its window changed between runs.
    nest.CopyModel("static_synapse", "static_synapse__side")
    side_weights = nest.Create("weight_recorder", params={"start": 20.0})
    nest.SetDefaults("static_synapse__side", {"weight_recorder": side_weights})
    nest.Connect(sheet[[26, 35]], noisy[[2, 3]], "all_to_all",
                 {"synapse_model": "static_synapse__side", "weight": 2.0, "delay": 1.0})
    meters = {}

    def meter(name, params, targets):
        mm = nest.Create("multimeter", params=params)
        nest.Connect(mm, targets)
        meters[name] = (mm, list(params["record_from"]))

    # Devices whose windows and parameters the protocol sets between runs: generators of
    # current and spikes on `probe` (traced and recorded, compared bit for bit), trains
    # recorded from the generators themselves (compared by counts).
    probe = nest.Create("iaf_psc_alpha", 6, params={"I_e": 350.0})
    first_probe = probe[0].global_id
    pdc = nest.Create("dc_generator", params={"amplitude": 500.0, "start": 20.0, "stop": 60.0})
    nest.Connect(pdc, probe[0])
    pac = nest.Create("ac_generator", params={"amplitude": 300.0, "offset": 100.0,
                                              "frequency": 20.0})
    nest.Connect(pac, probe[1])
    pstep = nest.Create("step_current_generator", params={
        "amplitude_times": [30.0, 130.0, 260.0], "amplitude_values": [400.0, 600.0, 300.0]})
    nest.Connect(pstep, probe[2])
    ppk = nest.Create("pulsepacket_generator", params={"pulse_times": [30.0, 80.0],
                                                       "activity": 3, "sdev": 0.0})
    nest.Connect(ppk, probe[3], "all_to_all", {"weight": 300.0, "delay": 1.0})
    pspk = nest.Create("spike_generator",
                       params={"spike_times": [15.0, 40.0, 125.0, 155.0, 255.0, 275.0]})
    nest.Connect(pspk, probe[4], "all_to_all", {"weight": 400.0, "delay": 1.0})
    probe_spikes = nest.Create("spike_recorder", params={"stop": 200.0})
    nest.Connect(probe, probe_spikes)
    meters["probe_v"] = (nest.Create("multimeter", params={
        "interval": 1.0, "stop": 50.0, "record_from": ["V_m"]}), ["V_m"])
    nest.Connect(meters["probe_v"][0], probe[0:5])
    meters["probe_fine"] = (nest.Create("multimeter", params={
        "interval": 0.7, "offset": 0.3, "start": 5.0, "stop": 100.0,
        "record_from": ["V_m"]}), ["V_m"])
    nest.Connect(meters["probe_fine"][0], probe[0:5])
    trains = {
        "pinh": nest.Create("inhomogeneous_poisson_generator", params={
            "rate_times": [10.0, 60.0], "rate_values": [2000.0, 400.0]}),
        "psin": nest.Create("sinusoidal_poisson_generator", params={
            "rate": 1000.0, "amplitude": 500.0, "frequency": 20.0}),
        "pmip": nest.Create("mip_generator", params={"rate": 400.0, "p_copy": 0.5}),
        "pgam": nest.Create("gamma_sup_generator", params={
            "rate": 100.0, "gamma_shape": 3, "n_proc": 5}),
        "pppd": nest.Create("ppd_sup_generator", params={
            "rate": 100.0, "dead_time": 2.0, "n_proc": 5}),
        "psg": nest.Create("sinusoidal_gamma_generator", params={
            "rate": 500.0, "amplitude": 100.0, "frequency": 10.0, "order": 2.0}),
    }
    train_spikes = {}
    for k, (name, gen) in enumerate(trains.items()):
        nest.Connect(gen, noisy[10 + k], "all_to_all", {"weight": 1.0, "delay": 1.0})
        train_spikes[name] = nest.Create("spike_recorder")
        nest.Connect(gen, train_spikes[name])

    nest.Simulate(10.0)
    meter("early", {"interval": 1.0, "offset": 0.0, "record_from": ["V_m"]}, sheet[[0]])
    nest.Simulate(100.0)
    sheet.set(
        # -70 mV + 5 mV * x / 1 mm
        V_m=-70.0 + 5.0 * pos.x / 1.0,
        # -55 mV + 3 mV * cos(y / 0.1 mm)
        V_th=-55.0 + 3.0 * nest.math.cos(pos.y / 0.1),
        # if(x > 0.1 mm, 380 pA + 100 pA * x / 1 mm, 360 pA)
        I_e=nest.logic.conditional(pos.x > 0.1, 380.0 + 100.0 * pos.x / 1.0, 360.0),
    )
    inside = nest.SelectNodesByMask(sheet, [0.1, -0.05], nest.CreateMask("circular", {"radius": 0.25}))
    # { I_e: 500 pA, tau_m: 10 ms + 5 ms * pow(y / 1 mm, 2) }
    inside.set(I_e=500.0, tau_m=10.0 + 5.0 * (pos.y / 1.0) ** 2.0)
    noisy.set(
        V_th=nest.random.uniform(min=-55.0, max=-50.0),
        V_m=nest.random.normal(mean=-65.0, std=2.0),
    )
    values = {n: [float(v) for v in sheet.get(n)] for n in SHEET_NAMES}
    random = {n: [float(v) for v in noisy.get(n)] for n in RANDOM_NAMES}
    meter("middle", {"interval": 0.7, "offset": 0.3, "record_from": ["V_m", "I_syn_ex"]},
          sheet[[1, 33]])
    late = nest.Create("spike_recorder", params={"start": 150.0})
    weights = nest.Create("weight_recorder")
    nest.SetDefaults("static_synapse__feed", {"weight_recorder": weights})
    ring = nest.SelectNodesByMask(sheet, [0.1, -0.05], nest.CreateMask("circular", {"radius": 0.3}))
    nest.Connect(ring, late)
    spikes.set(stop=200.0)
    # 209 ms lies between a spike (208.3 ms) and its delivery (209.3 ms).
    side_weights.set(stop=209.0)
    # Spike recorders on generators, from 110 ms on.
    listed_spikes = nest.Create("spike_recorder")
    nest.Connect(listed, listed_spikes)
    drive_spikes = nest.Create("spike_recorder")
    nest.Connect(drive, drive_spikes)
    # Windows and parameters of the probe's devices and the trains.
    pdc.set(origin=100.0)
    pac.set(stop=200.0)
    # NEST takes a step current's times and values together (one `set`).
    pstep.set(amplitude_times=[50.0, 140.0, 180.0], amplitude_values=[100.0, 500.0, 200.0])
    ppk.set(pulse_times=[130.0, 170.0])
    ppk.set(activity=5)
    pspk.set(start=130.0)
    probe_spikes.set(start=125.0)
    meters["probe_v"][0].set(stop=140.0)
    meters["probe_v"][0].set(start=115.3)
    meters["probe_fine"][0].set(origin=112.4)
    trains["pinh"].set(rate_times=[120.0, 200.0], rate_values=[1000.0, 3000.0])
    trains["psin"].set(rate=2000.0)
    trains["psin"].set(amplitude=1000.0)
    trains["psin"].set(frequency=50.0)
    trains["psin"].set(phase=90.0)
    trains["pmip"].set(rate=1200.0)
    trains["pmip"].set(p_copy=0.25)
    trains["pgam"].set(rate=300.0)
    trains["pppd"].set(rate=200.0)
    trains["psg"].set(rate=1500.0)
    nest.Simulate(140.0)
    meter("last", {"interval": 2.5, "offset": 0.0, "record_from": ["V_m"]}, sheet[0:4])
    # 259 ms lies between a spike (258.5 ms) and its delivery (259.5 ms); the origin
    # moves the side recorder's window to (120, 309] ms.
    weights.set(start=259.0)
    side_weights.set(origin=100.0)
    drive.set(rate=200.0)
    pdc.set(start=5.0)
    pdc.set(stop=170.0)
    pac.set(amplitude=200.0)
    pac.set(offset=250.0)
    pac.set(frequency=35.0)
    pac.set(phase=45.0)
    pac.set(stop=290.0)
    pac.set(origin=5.0)
    pstep.set(stop=280.0)
    ppk.set(pulse_times=[265.0, 285.0])
    pspk.set(origin=10.0)
    probe_spikes.set(origin=60.0)
    meters["probe_v"][0].set(origin=140.0)
    meters["probe_fine"][0].set(stop=160.0)
    meters["probe_fine"][0].set(start=140.0)
    nest.Simulate(50.0)
    T = 300.0
    # NEST hands a multimeter's last min_delay of samples over at the next Simulate.
    nest.Simulate(2.0)

    def spike_rows(sr):
        ev = sr.get("events")
        return sorted([int(s) - first, float(t)] for s, t in zip(ev["senders"], ev["times"])
                      if ms_to_tics(float(t)) <= ms_to_tics(T))

    def times(sr):
        return sorted(float(t) for t in sr.get("events")["times"]
                      if ms_to_tics(float(t)) <= ms_to_tics(T))

    first_noisy = noisy[0].global_id

    def transmissions(wr):
        ev = wr.get("events")
        return sorted([int(s) - first, int(t) - first_noisy, float(tm), float(w)]
                      for s, t, tm, w in zip(ev["senders"], ev["targets"], ev["times"],
                                             ev["weights"])
                      if ms_to_tics(float(tm)) <= ms_to_tics(T))

    def probe_rows(sr):
        ev = sr.get("events")
        return sorted([int(s) - first_probe, float(t)] for s, t in zip(ev["senders"], ev["times"])
                      if ms_to_tics(float(t)) <= ms_to_tics(T))

    out_meters = {}
    for name, (mm, keys) in meters.items():
        ev = mm.get("events")
        base = first_probe if name.startswith("probe") else first
        rows = sorted((float(ev["times"][i]), int(ev["senders"][i]) - base,
                       [float(ev[k][i]) for k in keys])
                      for i in range(len(ev["times"]))
                      if ms_to_tics(float(ev["times"][i])) <= ms_to_tics(T))
        table = {"times": [r[0] for r in rows], "senders": [r[1] for r in rows]}
        for j, k in enumerate(keys):
            table[k] = [r[2][j] for r in rows]
        out_meters[name] = table
    return {
        "values": values,
        "random": random,
        "spikes": {"spikes": spike_rows(spikes), "late": spike_rows(late)},
        "meters": out_meters,
        "weights": transmissions(weights),
        "side_weights": transmissions(side_weights),
        "generator_spikes": {"listed_spikes": times(listed_spikes),
                             "drive_spikes": times(drive_spikes)},
        "probe_spikes": probe_rows(probe_spikes),
        "train_spikes": {name: times(sr) for name, sr in train_spikes.items()},
        "time_ms": T,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "protocol_sets.json"))
    args = ap.parse_args()
    nest.set_verbosity("M_ERROR")
    out = {"nest_version": nest.__version__}
    out.update(run())
    with open(args.out, "w") as f:
        json.dump(out, f, sort_keys=True)


if __name__ == "__main__":
    main()
