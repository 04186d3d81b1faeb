
module attributes {fabric.color = 3} {
}
