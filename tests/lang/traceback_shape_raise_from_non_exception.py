raise ValueError("x") from "cause"
