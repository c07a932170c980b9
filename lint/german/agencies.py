"""The news agencies newslint knows, each in its own casing: the default list of the rules
credit-line and dateline (their `agencies` option), kept apart from the credit-line parser so that
reading the configuration does not load it.
"""

#: the first ones are preferred when a misspelling is equally close to two of them
AGENCIES = (
    "dpa", "AFP", "AP", "Reuters", "KNA", "epd", "SID", "dts", "APA", "Keystone-SDA", "dpa-AFX",
    "sda", "KAP", "Kathpress", "idea", "EFE", "ANSA", "Belga", "ANP", "PAP", "TASS", "Interfax",
    "Xinhua", "Kyodo", "Yonhap", "UPI", "Bloomberg", "ddp", "dapd", "awp",
)

#: dpa's services, credited after it: its regional services („(dpa/lby)“ Bavaria, „(dpa/lsw)“
#: the south-west, „(dpa/lnw)“ North Rhine-Westphalia, „(dpa/lni)“ Lower Saxony, „(dpa/lno)“ the
#: north, „(dpa/lhe)“ Hesse, „(dpa/lrs)“ Rhineland-Palatinate and Saarland, „(dpa/sn)“ Saxony,
#: „(dpa/sa)“ Saxony-Anhalt, „(dpa/th)“ Thuringia, „(dpa/bb)“ Berlin and Brandenburg, „(dpa/mv)“
#: Mecklenburg-Western Pomerania) and its consumer service („(dpa/tmn)“)
DPA_SERVICES = frozenset("lby lsw lnw lni lno lhe lrs sn sa th bb mv tmn".split())
