#!/usr/bin/env python3
"""NEST statistics of the generators whose trains are not Poisson (issue 13):
pulsepacket_generator, gamma_sup_generator, ppd_sup_generator and
sinusoidal_gamma_generator (individual and shared trains): fixed seeds, 1 thread.

Usage: python conformance/stochastic_trains.py [--out DIR]
Writes DIR/devices_<name>.json (default conformance/reference/stochastic), with the
statistics and conventions of stochastic_devices.py (whose `run` it uses): per target
the spike counts in the case's bins (here: one bin around each pulse of a packet
generator, quarter periods of a modulated rate), the spikes shared by targets 2k and
2k + 1, and the ISI coefficient of variation (1/sqrt(shape) for a gamma process, 1 -
rate * dead_time for a Poisson process with dead time).
"""
import argparse
import os
import warnings

import numpy as np

from stochastic import HERE, dump
from stochastic_devices import run


def cases():
    # Parrot spikes of a packet centred at c arrive near c + 1.1 ms (stamp one step
    # after the spike's step, delay 1 ms).
    yield run("pulsepacket", "pulse_times [50, 200, 350.3, 600] ms, activity 20, "
              "sdev 2 ms; one bin around each packet",
              "pulsepacket_generator",
              {"pulse_times": [600.0, 50.0, 200.0, 350.3], "activity": 20, "sdev": 2.0},
              [30.0, 80.0, 180.0, 230.0, 330.0, 380.0, 580.0, 630.0], 700.0)
    # NEST draws a packet at the first slice start (min_delay 1 ms) within 10 sdev of
    # its centre and keeps only the spikes not before that start: the packet at 100 ms
    # loses its first half, the one at 250.5 ms keeps all.
    yield run("pulsepacket_slices", "pulse_times [100, 250.5] ms, activity 40, sdev "
              "0.05 ms: the first packet is drawn at its centre, so half of it is lost",
              "pulsepacket_generator",
              {"pulse_times": [100.0, 250.5], "activity": 40, "sdev": 0.05},
              [95.0, 101.15, 110.0, 245.0, 251.65, 260.0], 300.0)
    yield run("gamma_sup", "rate 40 Hz, gamma_shape 4, n_proc 1, window start 100 "
              "stop 1900 ms: ISI CV 0.5",
              "gamma_sup_generator",
              {"rate": 40.0, "gamma_shape": 4, "n_proc": 1, "start": 100.0, "stop": 1900.0},
              [0.0, 101.0, 1001.0, 1901.0, 2001.0], 2000.0)
    yield run("gamma_sup_many", "rate 15 Hz, gamma_shape 3, n_proc 20",
              "gamma_sup_generator",
              {"rate": 15.0, "gamma_shape": 3, "n_proc": 20},
              [0.0, 50.0, 250.0, 1001.0], 1000.0)
    yield run("ppd_sup", "rate 60 Hz, dead_time 5 ms, n_proc 1: ISI CV 0.7",
              "ppd_sup_generator",
              {"rate": 60.0, "dead_time": 5.0, "n_proc": 1},
              [0.0, 501.0, 1001.0, 2001.0], 2000.0)
    yield run("ppd_sup_modulated", "rate 50 Hz, dead_time 3 ms, n_proc 4, 4 Hz, "
              "relative_amplitude 0.8; bins of a quarter period",
              "ppd_sup_generator",
              {"rate": 50.0, "dead_time": 3.0, "n_proc": 4, "frequency": 4.0,
               "relative_amplitude": 0.8},
              [float(x) for x in np.arange(1.0, 1002.0, 62.5)], 1001.0)
    yield run("sinusoidal_gamma", "rate 40 Hz, amplitude 30 Hz, 3 Hz, phase 45 deg, "
              "order 3, individual trains; bins of a sixth of a period",
              "sinusoidal_gamma_generator",
              {"rate": 40.0, "amplitude": 30.0, "frequency": 3.0, "phase": 45.0,
               "order": 3.0},
              [float(x) for x in np.arange(1.0, 1002.0, 1000.0 / 18.0)], 1001.0)
    yield run("sinusoidal_gamma_shared", "rate 30 Hz, amplitude 10 Hz, 2 Hz, order 2.5, "
              "one train shared by all targets (individual_spike_trains false, a default)",
              "sinusoidal_gamma_generator",
              {"rate": 30.0, "amplitude": 10.0, "frequency": 2.0, "order": 2.5},
              [1.0, 251.0, 501.0, 751.0, 1001.0], 1001.0,
              defaults={"individual_spike_trains": False})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "reference", "stochastic"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    warnings.filterwarnings("ignore")
    for c in cases():
        dump(c, os.path.join(args.out, f"devices_{c['name']}.json"))
        print(c["name"], "mean counts per bin",
              np.mean(np.asarray(c["counts"]), axis=0).round(2).tolist(),
              "coincident", np.mean(c["coincident"]).round(2),
              "cv", np.mean(c["cv"]).round(3) if c["cv"] else None)


if __name__ == "__main__":
    main()
