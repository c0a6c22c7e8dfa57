class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []
for i in range(20000):
    a = Node("a")
    b = Node("b")
    a.peers.append(b)
    b.peers.append(a)
parent = {"children": []}
for i in range(1000):
    child = {"parent": parent}
    parent["children"].append(child)
print(len(parent["children"]), a.peers[0].name, b.peers[0].name)
lst = []
lst.append(lst)
print(lst)
