"""Deterministic cases of the devices of issue 13: step_current_generator and
ac_generator (traces of the neurons they drive, bit-identical), and the spike_generator's
time rules (a time within half a tic of the grid, allow_offgrid_times, precise_times,
shift_now_spikes). Part of `CASES`, replayed by network-core/tests/conformance.rs."""

from cases import ALPHA, DELTA, EXP, PARROT, case, conn, neuron, sg

# JSON has no infinity; run_nest.py and the harness read a null parameter as +inf.
INF = None


def gen(model, targets, weight=1.0, delay=1.0, **params):
    """A generator entry of any model with these NEST parameters."""
    return {"model": model, "params": dict(params), "targets": list(targets),
            "weight": weight, "delay": delay}


def device_cases():
    C = []
    three = [neuron(ALPHA, I_e=100.0), neuron(EXP, I_e=100.0), neuron(DELTA, I_e=100.0)]
    C.append(case(
        "step_current_three_models",
        "step_current_generator [5, 12.5, 20, 31.2] ms -> [400, -150, 900, 0] pA onto alpha, "
        "exp and delta (I_e 100); a second one with allow_offgrid_times at [3.05, 17.01, 40] "
        "ms (w 0.5, d 2.3) inside a window start 10 stop 45 origin 2; two runs 27 + 33 ms",
        three, [27.0, 33.0],
        [gen("step_current_generator", [0, 1, 2], amplitude_times=[5.0, 12.5, 20.0, 31.2],
             amplitude_values=[400.0, -150.0, 900.0, 0.0]),
         gen("step_current_generator", [0, 1, 2], weight=0.5, delay=2.3,
             amplitude_times=[3.05, 17.01, 40.0], amplitude_values=[700.0, 250.0, -300.0],
             allow_offgrid_times=True, start=10.0, stop=45.0, origin=2.0)]))
    C.append(case(
        "step_current_tic_tolerance",
        "step_current_generator at 2.9999 ms (within half a tic of step 30) and 6.0 ms, "
        "600 then 0 pA, delay 0.1, onto alpha",
        [neuron(ALPHA)], [15.0],
        [gen("step_current_generator", [0], delay=0.1, amplitude_times=[2.9999, 6.0],
             amplitude_values=[600.0, 0.0])]))
    C.append(case(
        "ac_three_models",
        "ac_generator amplitude 250 pA, offset 200 pA, 40 Hz, phase 30 deg onto alpha, exp "
        "and delta (I_e 100); a second one 7.5 Hz, phase -90, amplitude 400, window start 15 "
        "stop 70 (w 0.8, d 1.7); three runs 20.3 + 34.7 + 45 ms (the oscillator restarts at "
        "each run, as NEST's pre_run_hook)",
        three, [20.3, 34.7, 45.0],
        [gen("ac_generator", [0, 1, 2], amplitude=250.0, offset=200.0, frequency=40.0,
             phase=30.0),
         gen("ac_generator", [0, 1, 2], weight=0.8, delay=1.7, amplitude=400.0,
             frequency=7.5, phase=-90.0, start=15.0, stop=70.0)]))
    C.append(case(
        "ac_res_0025",
        "ac_generator 123 Hz, amplitude 500, offset 50, phase 200 deg at resolution 0.025 "
        "onto alpha and exp (I_e 150)",
        [neuron(ALPHA, I_e=150.0), neuron(EXP, I_e=150.0)], [40.0],
        [gen("ac_generator", [0, 1], delay=0.5, amplitude=500.0, offset=50.0,
             frequency=123.0, phase=200.0)],
        resolution=0.025, interval=0.1))
    parrot_alpha = [neuron(PARROT), neuron(ALPHA)]
    C.append(case(
        "spike_generator_time_rules",
        "spike_generator times 2.9999 (step 30 within half a tic), 5.0; one with "
        "allow_offgrid_times 2.95, 7.01, 7.05; one with precise_times 3.33, 4.0, 8.05 "
        "(offsets dropped by grid-based targets); one with shift_now_spikes at 0.0 and 1.0; "
        "onto a parrot and alpha (w 900)",
        parrot_alpha, [15.0],
        [sg([0, 1], [2.9999, 5.0], weight=900.0),
         sg([0, 1], [2.95, 7.01, 7.05], weight=900.0, allow_offgrid_times=True),
         sg([0, 1], [3.33, 4.0, 8.05], weight=900.0, precise_times=True),
         sg([0, 1], [0.0, 1.0], weight=900.0, shift_now_spikes=True)]))
    C.append(case(
        "threshold_inf",
        "V_th = +inf (NEST accepts it: the neuron never fires) on alpha, exp and delta "
        "driven by I_e 1000 pA and spikes of 5000 pA (delta: 30 mV)",
        [neuron(ALPHA, V_th=INF, I_e=1000.0), neuron(EXP, V_th=INF, I_e=1000.0),
         neuron(DELTA, V_th=INF, I_e=1000.0)], [40.0],
        [sg([0, 1], [5.0, 5.1, 12.0], weight=5000.0),
         sg([2], [5.0, 5.1, 12.0], weight=30.0)]))
    kernel = case(
        "kernel_delay_extrema",
        "kernel min_delay 0.5 ms, max_delay 4 ms (the engine's slices are 5 steps): a "
        "spike_generator onto two alpha neurons (delays 0.5 and 4 ms), 0 -> 1 at 2.5 ms",
        [neuron(ALPHA, I_e=300.0), neuron(ALPHA)], [60.0],
        [sg([0], [3.0, 3.5, 9.0], weight=1200.0, delay=0.5),
         sg([1], [20.0], weight=900.0, delay=4.0)],
        connections=[conn(0, 1, 800.0, 2.5)])
    kernel["kernel"] = {"min_delay": 0.5, "max_delay": 4.0}
    C.append(kernel)
    return C


DEVICE_CASES = device_cases()
