"""The synthetic demo city on the real Xiamen district boundaries (entry: ``city.generate_demo_city``).

Modules: places / names (data), projection (CGCS2000 GK CM117E), scales, terrain (smooth fields),
boundaries, lattice, admin (街道/镇, 村/社区), zoning (cell zones and control areas), network
(street / rural road / river edges), landuse (DLTB patches), survey (三调 attributes), problems
(deliberate planning problems), controls (JD, CQFW, CZKFBJ, STBHHX, LSWHBHX), roads (DL),
buildings (JZ), population (RK), facilities (SS_*, GYGC), statistics (DEPT_STATS), truth
(DEMO_TRUTH), dirty (the variant with data problems), city (the pipeline).
"""
