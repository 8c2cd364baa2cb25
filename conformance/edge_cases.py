"""Numerical edge cases (issue 6), in the schema of cases.py and replayed by the same
test: tiny, large and non-decimal resolutions, delays equal to the resolution, and the
singular propagators (tau_m == tau_syn) at those resolutions.

Cases already covered in cases.py are not repeated: singular_*, near_singular_alpha,
res_005_* and res_02_* (delay == resolution at 0.05 and 0.2).
"""

from cases import ALPHA, DELTA, EXP, MODELS, case, conn, dc, neuron, sg


def on_grid(times, res):
    """Times rounded to the grid of `res`, as written in a case (no float noise)."""
    return [round(round(t / res) * res, 6) for t in times]


def edge_cases():
    C = []
    # tag, resolution, simulated time, multimeter interval
    grids = (("0001", 0.001, 20.0, 0.1),
             ("0025", 0.025, 60.0, 0.1),
             ("03", 0.3, 60.0, 0.3),
             ("0125", 0.125, 60.0, 0.125),
             ("1", 1.0, 100.0, 1.0))
    for tag, res, t_sim, interval in grids:
        # Every model driven to threshold by I_e, with excitatory and inhibitory spikes
        # arriving one step after they are sent (delay == resolution), a dc step with
        # delay == resolution, and a neuron -> neuron connection at the resolution.
        times = on_grid([3.0, 3.0 + res, 7.5, 12.0], res)
        C.append(case(
            f"edge_res_{tag}_models",
            f"resolution {res}: alpha/exp (I_e 420) and delta (I_e 420), spikes {times} with "
            f"delay = resolution, dc with delay = resolution, connection 0 -> 1 at the resolution",
            [neuron(m, I_e=420.0) for m in MODELS], [t_sim],
            [sg([0, 1], times, weight=300.0, delay=res),
             sg([0, 1], on_grid([5.0], res), weight=-200.0, delay=res),
             sg([2], times, weight=3.0, delay=res),
             dc([0, 2], 150.0, delay=res, start=on_grid([8.0], res)[0],
                stop=on_grid([15.0], res)[0])],
            connections=[conn(0, 1, 500.0, res), conn(2, 0, 400.0, res)],
            resolution=res, interval=interval))
        # tau_m == tau_syn_ex == tau_syn_in: NEST's singular branch of the propagators.
        C.append(case(
            f"edge_res_{tag}_singular",
            f"resolution {res}: tau_m == tau_syn_ex == tau_syn_in == 4 ms for alpha and exp, "
            f"mixed input with delay = resolution, t_ref 0.5",
            [neuron(m, tau_m=4.0, tau_syn_ex=4.0, tau_syn_in=4.0, I_e=300.0, t_ref=0.5)
             for m in (ALPHA, EXP)], [t_sim],
            [sg([0, 1], on_grid([2.0, 2.0 + res, 9.0], res), weight=800.0, delay=res),
             sg([0, 1], on_grid([6.0], res), weight=-400.0, delay=res)],
            resolution=res, interval=interval))
    # Very high input: 20 spikes of 1000 pA in consecutive steps at 0.1 ms onto each model
    # (delta: 20 mV each) -- repeated firing at the refractory limit.
    C.append(case(
        "edge_dense_input",
        "every step from 5.0 to 6.9 ms a spike of weight 1000 pA (delta: 20 mV), delay 0.1",
        [neuron(ALPHA), neuron(EXP), neuron(DELTA, t_ref=0.0)], [30.0],
        [sg([0, 1], on_grid([5.0 + 0.1 * k for k in range(20)], 0.1), weight=1000.0, delay=0.1),
         sg([2], on_grid([5.0 + 0.1 * k for k in range(20)], 0.1), weight=20.0, delay=0.1)]))
    return C


EDGE_CASES = edge_cases()
